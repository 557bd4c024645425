/// Reads JSON scalars and punctuation from UTF-8 bytes, skipping whitespace between them: the hand decoder of the
/// store's own JSON columns, which are flat (arrays and objects of scalars) and read by the hundred thousand.
///
/// Each call consumes what it returns, or nothing when the next token is not that; nested values other than those the
/// caller asks for are not skipped. Use it only inside `String.withUTF8`, whose buffer it borrows.
struct JSONReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0

    /// A reader at the start of `bytes`.
    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// True when only whitespace is left.
    var isAtEnd: Bool {
        mutating get {
            skipSpace()
            return index == bytes.count
        }
    }

    /// Consumes `byte` if it comes next.
    mutating func take(_ byte: UInt8) -> Bool {
        skipSpace()
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    /// Consumes `null` if it comes next.
    mutating func null() -> Bool { word("null") }

    /// The next value if it is `true` or `false`.
    mutating func bool() -> Bool? {
        if word("true") { return true }
        return word("false") ? false : nil
    }

    /// The next value if it is a string, unescaped.
    mutating func string() -> String? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        let start = index
        var escaped = false
        while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
            if bytes[index] == UInt8(ascii: "\\") {
                escaped = true
                index += 1
            }
            index += 1
        }
        guard index < bytes.count else { return nil }
        let body = UnsafeBufferPointer(rebasing: bytes[start..<index])
        index += 1
        return escaped ? Self.unescape(body) : String(decoding: body, as: UTF8.self)
    }

    /// The next value if it is a number: an integer when it is written as one and fits, else a double.
    mutating func number() -> (integer: Int?, double: Double)? {
        skipSpace()
        let start = index
        var whole = true
        while index < bytes.count, Self.isNumberByte(bytes[index]) {
            if bytes[index] == UInt8(ascii: ".") || bytes[index] | 0x20 == UInt8(ascii: "e") { whole = false }
            index += 1
        }
        guard index > start else { return nil }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        if whole, let integer = Int(text) { return (integer, Double(integer)) }
        guard let double = Double(text) else {
            index = start
            return nil
        }
        return (nil, double)
    }

    private mutating func word(_ text: StaticString) -> Bool {
        skipSpace()
        let count = text.utf8CodeUnitCount
        guard bytes.count - index >= count else { return false }
        let matches = text.withUTF8Buffer { word in word.indices.allSatisfy { word[$0] == bytes[index + $0] } }
        if matches { index += count }
        return matches
    }

    private mutating func skipSpace() {
        while index < bytes.count,
            bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09
        {
            index += 1
        }
    }

    private static func isNumberByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."),
            UInt8(ascii: "e"), UInt8(ascii: "E"):
            return true
        default: return false
        }
    }

    /// A string's body with its escapes (`\n`, `\"`, `\u00e9`, surrogate pairs) undone; nil when one is malformed.
    private static func unescape(_ body: UnsafeBufferPointer<UInt8>) -> String? {
        var scalars = String.UnicodeScalarView()
        var output: [UInt8] = []
        var index = 0
        func flush() {
            scalars.append(contentsOf: String(decoding: output, as: UTF8.self).unicodeScalars)
            output.removeAll(keepingCapacity: true)
        }
        func hex(at position: Int) -> UInt32? {
            guard position + 4 <= body.count else { return nil }
            return UInt32(
                String(decoding: UnsafeBufferPointer(rebasing: body[position..<position + 4]), as: UTF8.self), radix: 16
            )
        }
        while index < body.count {
            guard body[index] == UInt8(ascii: "\\"), index + 1 < body.count else {
                output.append(body[index])
                index += 1
                continue
            }
            let escape = body[index + 1]
            index += 2
            switch escape {
            case UInt8(ascii: "n"): output.append(0x0A)
            case UInt8(ascii: "r"): output.append(0x0D)
            case UInt8(ascii: "t"): output.append(0x09)
            case UInt8(ascii: "b"): output.append(0x08)
            case UInt8(ascii: "f"): output.append(0x0C)
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): output.append(escape)
            case UInt8(ascii: "u"):
                guard var code = hex(at: index) else { return nil }
                index += 4
                if (0xD800..<0xDC00).contains(code), body.count >= index + 6, body[index] == UInt8(ascii: "\\"),
                    body[index + 1] == UInt8(ascii: "u"), let low = hex(at: index + 2), (0xDC00..<0xE000).contains(low)
                {
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    index += 6
                }
                guard let scalar = Unicode.Scalar(code) else { return nil }
                flush()
                scalars.append(scalar)
            default: return nil
            }
        }
        flush()
        return String(scalars)
    }
}
