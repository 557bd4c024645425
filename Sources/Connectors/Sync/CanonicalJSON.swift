import Foundation

/// A parsed JSON value written back as text with object keys in code-point order, for a record's `raw`.
///
/// Deterministic, so an unchanged record is not rewritten; unlike `JSONSerialization`'s `.sortedKeys`, which compares
/// keys through a locale (three quarters of a Chargebee sync's time went there), it sorts with `String`'s `<`.
public enum CanonicalJSON {
    /// The UTF-8 text of a value made of dictionaries, arrays, strings, numbers, booleans and nulls.
    public static func bytes(_ value: Any) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(1_024)
        write(value, into: &out)
        return out
    }

    private static func write(_ value: Any, into out: inout [UInt8]) {
        switch value {
        case let string as String:
            writeString(string, into: &out)
        case let object as [String: Any]:
            out.append(UInt8(ascii: "{"))
            for (index, entry) in object.sorted(by: { $0.key < $1.key }).enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                writeString(entry.key, into: &out)
                out.append(UInt8(ascii: ":"))
                write(entry.value, into: &out)
            }
            out.append(UInt8(ascii: "}"))
        case let array as [Any]:
            out.append(UInt8(ascii: "["))
            for (index, element) in array.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                write(element, into: &out)
            }
            out.append(UInt8(ascii: "]"))
        // Native values from JSONReader; the exact-type checks keep an NSNumber from being read as a Bool.
        case let bool as Bool where type(of: value) == Bool.self:
            out.append(contentsOf: bool ? Array("true".utf8) : Array("false".utf8))
        case let integer as Int where type(of: value) == Int.self:
            out.append(contentsOf: Array(String(integer).utf8))
        case let double as Double where type(of: value) == Double.self:
            out.append(contentsOf: Array((double.isFinite ? "\(double)" : "null").utf8))
        case is NSNull:
            out.append(contentsOf: Array("null".utf8))
        case let number as NSNumber:
            out.append(contentsOf: Array(text(of: number).utf8))
        default:
            out.append(contentsOf: Array("null".utf8))
        }
    }

    /// `true`/`false` for booleans (objCType `c`), digits for integers, Swift's shortest form for other numbers.
    static func text(of number: NSNumber) -> String {
        switch String(cString: number.objCType) {
        case "c", "B": return number.boolValue ? "true" : "false"
        case "d", "f":
            let double = number.doubleValue
            guard double.isFinite else { return "null" }
            return "\(double)"
        case "Q": return String(number.uint64Value)
        default: return String(number.int64Value)
        }
    }

    private static func writeString(_ string: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: [92, 34])
            case UInt8(ascii: "\\"): out.append(contentsOf: [92, 92])
            case 0x0A: out.append(contentsOf: [92, UInt8(ascii: "n")])
            case 0x0D: out.append(contentsOf: [92, UInt8(ascii: "r")])
            case 0x09: out.append(contentsOf: [92, UInt8(ascii: "t")])
            case 0..<0x20: out.append(contentsOf: Array(String(format: "\\u%04x", Int(byte)).utf8))
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
