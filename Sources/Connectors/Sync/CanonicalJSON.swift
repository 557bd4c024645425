import Foundation
import Store

/// A parsed JSON value written back as text with object keys in code-point order, for a record's `raw`.
///
/// Deterministic, so an unchanged record is not rewritten; unlike `JSONSerialization`'s `.sortedKeys`, which compares
/// keys through a locale (three quarters of a Chargebee sync's time went there), it sorts with `String`'s `<`.
public enum CanonicalJSON {
    /// The UTF-8 text of a value made of dictionaries, arrays, strings, numbers, booleans and nulls.
    public static func bytes(_ value: Any) -> [UInt8] {
        var writer = JSONWriter()
        write(value, into: &writer)
        return writer.bytes
    }

    private static func write(_ value: Any, into writer: inout JSONWriter) {
        switch value {
        case let string as String:
            writer.string(string)
        case let object as [String: Any]:
            writer.raw("{")
            for (index, entry) in object.sorted(by: { $0.key < $1.key }).enumerated() {
                if index > 0 { writer.raw(",") }
                writer.string(entry.key)
                writer.raw(":")
                write(entry.value, into: &writer)
            }
            writer.raw("}")
        case let array as [Any]:
            writer.raw("[")
            for (index, element) in array.enumerated() {
                if index > 0 { writer.raw(",") }
                write(element, into: &writer)
            }
            writer.raw("]")
        // Native values from JSONReader; the exact-type checks keep an NSNumber from being read as a Bool.
        case let bool as Bool where type(of: value) == Bool.self:
            writer.bool(bool)
        case let integer as Int where type(of: value) == Int.self:
            writer.integer(Int64(integer))
        case let double as Double where type(of: value) == Double.self:
            writer.raw(utf8: (double.isFinite ? "\(double)" : "null").utf8)
        case is NSNull:
            writer.raw("null")
        case let number as NSNumber:
            writer.raw(utf8: text(of: number).utf8)
        default:
            writer.raw("null")
        }
    }

    /// `true`/`false` for booleans (objCType `c`), digits for integers, Swift's shortest form for other numbers.
    ///
    /// `JSONSerialization` reads a number of 17 or more significant digits as an `NSDecimalNumber`, whose `doubleValue`
    /// can be off in the last digit (0.30000000000000004 becomes 0.3000000000000001); its decimal text is exact.
    static func text(of number: NSNumber) -> String {
        switch String(cString: number.objCType) {
        case "c", "B": return number.boolValue ? "true" : "false"
        case "d" where number is NSDecimalNumber: return number.stringValue
        case "d", "f":
            let double = number.doubleValue
            guard double.isFinite else { return "null" }
            return "\(double)"
        case "Q": return String(number.uint64Value)
        default: return String(number.int64Value)
        }
    }
}
