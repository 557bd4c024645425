import Foundation

/// A JSON parser that builds native Swift values straight from UTF-8 bytes.
///
/// Objects become `[String: Any]`, arrays `[Any]`, strings `String`, integers that fit `Int`, other numbers `Double`,
/// booleans `Bool` and null `NSNull`. Foundation's `JSONSerialization` builds `NSDictionary`s that are converted again
/// at every `as? [String: Any]`; on a sync that took more time than the network. A parse error names the byte offset.
public struct JSONReader {
    /// Why a body is not JSON, and where.
    public struct Error: Swift.Error, CustomStringConvertible, Sendable {
        /// The byte offset the parser stopped at.
        public let offset: Int
        /// What it found there.
        public let reason: String
        public var description: String { "invalid JSON at byte \(offset): \(reason)" }
    }

    /// Nesting deeper than this is refused rather than risking the stack.
    static let maximumDepth = 512

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    private var depth = 0
    /// The top-level key whose array elements' spans are recorded, and the spans found.
    private let listKey: String?
    private var topLevelKey: String?
    private var spans: [Range<Int>] = []
    /// The keys kept inside a list's records, at any depth; the others' values are checked but not built.
    private let recordFields: KeyFilter?
    private var insideRecords = false

    private init(bytes: UnsafeBufferPointer<UInt8>, listKey: String? = nil, recordFields: Set<String>? = nil) {
        self.bytes = bytes
        self.listKey = listKey
        self.recordFields = recordFields.map(KeyFilter.init)
    }

    /// Parses one JSON value that fills the whole of `bytes` (whitespace aside).
    public static func parse(_ bytes: [UInt8]) throws -> Any {
        try bytes.withUnsafeBufferPointer { buffer in
            var reader = JSONReader(bytes: buffer)
            let value = try reader.value()
            reader.skipWhitespace()
            guard reader.index == buffer.count else { throw reader.error("text after the end of the value") }
            return value
        }
    }

    /// Parses `bytes` as a JSON object, or nil when they are anything else.
    public static func object(_ bytes: [UInt8]) -> [String: Any]? {
        (try? parse(bytes)) as? [String: Any]
    }

    /// Parses a list page, a JSON object, and also returns the byte span of each element of its top-level array
    /// `listKey` (`data`, `results`, `records`, `list`), so each record can be stored as the very bytes it came in.
    ///
    /// With `recordFields`, a record keeps only those keys (at any depth within it): the values of the others are
    /// read through, so a page that is not JSON still fails, but not built. A mapping that reads a handful of an
    /// object's fields names them, and a real Stripe invoice or a HubSpot object carries many more.
    public static func list(_ bytes: [UInt8], listKey: String, recordFields: Set<String>? = nil) throws -> (
        object: [String: Any], spans: [Range<Int>]
    ) {
        try bytes.withUnsafeBufferPointer { buffer in
            var reader = JSONReader(bytes: buffer, listKey: listKey, recordFields: recordFields)
            let value = try reader.value()
            reader.skipWhitespace()
            guard reader.index == buffer.count else { throw reader.error("text after the end of the value") }
            guard let object = value as? [String: Any] else {
                throw Error(offset: 0, reason: "the body is not a JSON object")
            }
            return (object, reader.spans)
        }
    }

    private func error(_ reason: String) -> Error { Error(offset: index, reason: reason) }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    private mutating func value() throws -> Any {
        skipWhitespace()
        guard index < bytes.count else { throw error("the text ends where a value should start") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return try string()
        case UInt8(ascii: "t"): try literal("true"); return true
        case UInt8(ascii: "f"): try literal("false"); return false
        case UInt8(ascii: "n"): try literal("null"); return NSNull()
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        default: throw error("unexpected character '\(UnicodeScalar(bytes[index]))'")
        }
    }

    private mutating func enter() throws {
        depth += 1
        guard depth <= Self.maximumDepth else { throw error("nested deeper than \(Self.maximumDepth) levels") }
    }

    private mutating func object() throws -> [String: Any] {
        try enter()
        defer { depth -= 1 }
        index += 1
        var result: [String: Any] = [:]
        result.reserveCapacity(8)
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return result
        }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                throw error("expected a key in quotes")
            }
            // Inside records, a key not kept is nil: its value is read through, not built.
            let key: String?
            if insideRecords, let recordFields {
                key = try keptKey(recordFields)
            } else {
                key = try string()
            }
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                throw error("expected ':' after a key")
            }
            index += 1
            if depth == 1 { topLevelKey = key }
            if let key {
                result[key] = try value()
            } else {
                try skipValue()
            }
            skipWhitespace()
            guard index < bytes.count else { throw error("the text ends inside an object") }
            switch bytes[index] {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"): index += 1; return result
            default: throw error("expected ',' or '}' in an object")
            }
        }
    }

    private mutating func array() throws -> [Any] {
        try enter()
        defer { depth -= 1 }
        index += 1
        var result: [Any] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return result
        }
        let recordsSpans = depth == 2 && listKey != nil && topLevelKey == listKey
        if recordsSpans { insideRecords = true }
        defer { if recordsSpans { insideRecords = false } }
        while true {
            if recordsSpans {
                skipWhitespace()
                let start = index
                result.append(try value())
                spans.append(start..<index)
            } else {
                result.append(try value())
            }
            skipWhitespace()
            guard index < bytes.count else { throw error("the text ends inside an array") }
            switch bytes[index] {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"): index += 1; return result
            default: throw error("expected ',' or ']' in an array")
            }
        }
    }

    /// Reads through one value, as strictly as `value()` does, without building it.
    private mutating func skipValue() throws {
        skipWhitespace()
        guard index < bytes.count else { throw error("the text ends where a value should start") }
        switch bytes[index] {
        case UInt8(ascii: "{"): try skipContainer(closing: UInt8(ascii: "}"), keyed: true)
        case UInt8(ascii: "["): try skipContainer(closing: UInt8(ascii: "]"), keyed: false)
        case UInt8(ascii: "\""): try skipString()
        default: _ = try value()  // a literal or a number: no container or string is built
        }
    }

    /// Reads through an object (`keyed`) or an array.
    private mutating func skipContainer(closing: UInt8, keyed: Bool) throws {
        try enter()
        defer { depth -= 1 }
        index += 1
        skipWhitespace()
        if index < bytes.count, bytes[index] == closing {
            index += 1
            return
        }
        let kind = keyed ? "an object" : "an array"
        while true {
            if keyed {
                skipWhitespace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                    throw error("expected a key in quotes")
                }
                try skipString()
                skipWhitespace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                    throw error("expected ':' after a key")
                }
                index += 1
            }
            try skipValue()
            skipWhitespace()
            guard index < bytes.count else { throw error("the text ends inside \(kind)") }
            switch bytes[index] {
            case UInt8(ascii: ","): index += 1
            case closing: index += 1; return
            default: throw error("expected ',' or '\(UnicodeScalar(closing))' in \(kind)")
            }
        }
    }

    /// Reads through a string; one with escapes is decoded, so a bad escape fails as it would when kept.
    private mutating func skipString() throws {
        index += 1
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return
            }
            if byte == UInt8(ascii: "\\") {
                _ = try escapedString(from: start)
                return
            }
            if byte < 0x20 { throw error("a control character inside a string") }
            index += 1
        }
        throw error("the text ends inside a string")
    }

    private mutating func literal(_ word: StaticString) throws {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count, let base = bytes.baseAddress,
            memcmp(base + index, word.utf8Start, count) == 0
        else { throw error("expected \(word)") }
        index += count
    }

    private mutating func number() throws -> Any {
        let start = index
        var negative = false
        if bytes[index] == UInt8(ascii: "-") {
            negative = true
            index += 1
        }
        if index + 1 < bytes.count, bytes[index] == UInt8(ascii: "0"), bytes[index + 1] >= 0x30,
            bytes[index + 1] <= 0x39
        {
            index += 1
            throw error("a number with a leading zero")
        }
        var magnitude: UInt64 = 0
        var digits = 0
        var overflow = false
        while index < bytes.count, case let byte = bytes[index], byte >= 0x30, byte <= 0x39 {
            let (times, o1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times.addingReportingOverflow(UInt64(byte - 0x30))
            overflow = overflow || o1 || o2
            magnitude = sum
            digits += 1
            index += 1
        }
        guard digits > 0 else { throw error("a number without digits") }
        var isInteger = true
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            let fractionStart = index
            while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1 }
            guard index > fractionStart else { throw error("a number with no digits after '.'") }
        }
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            isInteger = false
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            let exponentStart = index
            while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1 }
            guard index > exponentStart else { throw error("a number with no digits in its exponent") }
        }
        if isInteger, !overflow {
            if negative, magnitude <= UInt64(Int64.max) + 1 {
                return magnitude == UInt64(Int64.max) + 1 ? Int.min : -Int(magnitude)
            }
            if !negative, magnitude <= UInt64(Int.max) { return Int(magnitude) }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        guard let double = Double(text) else { throw error("an unreadable number") }
        return double
    }

    /// A key inside a record, when `filter` keeps it; nil when it does not.
    ///
    /// A plain ASCII key is matched by its bytes; any other is read as a string (escapes, errors and all) and then
    /// looked up.
    private mutating func keptKey(_ filter: KeyFilter) throws -> String? {
        let start = index + 1
        var end = start
        while end < bytes.count {
            let byte = bytes[end]
            if byte == UInt8(ascii: "\"") {
                index = end + 1
                return filter.key(UnsafeBufferPointer(rebasing: bytes[start..<end]))
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 || byte >= 0x80 { break }
            end += 1
        }
        let key = try string()
        return filter.keys.contains(key) ? key : nil
    }

    private mutating func string() throws -> String {
        index += 1
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                index += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { return try escapedString(from: start) }
            if byte < 0x20 { throw error("a control character inside a string") }
            index += 1
        }
        throw error("the text ends inside a string")
    }

    /// The slow path for a string with escapes: decodes it byte by byte from its start.
    private mutating func escapedString(from start: Int) throws -> String {
        var out = Array(UnsafeBufferPointer(rebasing: bytes[start..<index]))
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(decoding: out, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard index < bytes.count else { break }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escape)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"): out.append(contentsOf: try unicodeEscape())
                default: index -= 1; throw error("an unknown escape '\\\(UnicodeScalar(escape))'")
                }
            case 0..<0x20:
                index -= 1
                throw error("a control character inside a string")
            default:
                out.append(byte)
            }
        }
        throw error("the text ends inside a string")
    }

    /// The UTF-8 bytes of a `\uXXXX` escape (the `\u` already read), joining a surrogate pair.
    private mutating func unicodeEscape() throws -> [UInt8] {
        let first = try hexQuad()
        var scalarValue = first
        if (0xD800...0xDBFF).contains(first) {
            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
            else {
                throw error("a lone high surrogate in a \\u escape")
            }
            index += 2
            let second = try hexQuad()
            guard (0xDC00...0xDFFF).contains(second) else { throw error("a high surrogate without its low half") }
            scalarValue = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
        } else if (0xDC00...0xDFFF).contains(first) {
            throw error("a lone low surrogate in a \\u escape")
        }
        // NUL reads as U+FFFD: no text column holds it (PostgreSQL refuses it, a C string ends at it), and a name
        // cut short there would say less than the source did.
        if scalarValue == 0 { scalarValue = 0xFFFD }
        guard let scalar = Unicode.Scalar(scalarValue) else { throw error("an invalid \\u escape") }
        return Array(String(Character(scalar)).utf8)
    }

    private mutating func hexQuad() throws -> UInt32 {
        guard index + 4 <= bytes.count else { throw error("a \\u escape cut short") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw error("a \\u escape with a non-hex digit")
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }
}
