/// Stored components in the positional layout turned back into JSON objects, byte for byte.
///
/// The layout is `CompactComponentsSchema`'s; the objects are those the writer of layout 0 made. Each value's JSON
/// text is copied as stored, so numbers and escapes are not reformatted. Done here rather than in SQL so both engines
/// give the same bytes.
enum CompactComponents {
    /// The keys of a positional component, in order.
    static let keys = ["signal", "raw", "normalised", "weight", "contribution", "manual"]

    /// `[[v0, ..., v5], ...]` as `[{"signal":v0, ...}, ...]`; text that is not in that shape comes back unchanged.
    static func objects(_ positional: String) -> String {
        let bytes = Array(positional.utf8)
        var scanner = Scanner(bytes: bytes)
        var output: [UInt8] = [UInt8(ascii: "[")]
        output.reserveCapacity(bytes.count * 2)
        guard scanner.take(UInt8(ascii: "[")) else { return positional }
        var first = true
        while !scanner.take(UInt8(ascii: "]")) {
            if !first && !scanner.take(UInt8(ascii: ",")) { return positional }
            guard scanner.take(UInt8(ascii: "[")) else { return positional }
            output += first ? [] : [UInt8(ascii: ",")]
            output.append(UInt8(ascii: "{"))
            for (index, key) in keys.enumerated() {
                if index > 0 && !scanner.take(UInt8(ascii: ",")) { return positional }
                guard let value = scanner.value() else { return positional }
                output += Array("\(index > 0 ? "," : "")\"\(key)\":".utf8) + value
            }
            guard scanner.take(UInt8(ascii: "]")) else { return positional }
            output.append(UInt8(ascii: "}"))
            first = false
        }
        output.append(UInt8(ascii: "]"))
        return String(decoding: output, as: UTF8.self)
    }

    /// Reads JSON scalars and punctuation from UTF-8 bytes, skipping whitespace between them.
    private struct Scanner {
        let bytes: [UInt8]
        var index = 0

        /// Consumes `byte` if it comes next.
        mutating func take(_ byte: UInt8) -> Bool {
            skipSpace()
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }

        /// The next scalar's JSON text (a string with its quotes, or a number, true, false or null).
        mutating func value() -> ArraySlice<UInt8>? {
            skipSpace()
            let start = index
            guard index < bytes.count else { return nil }
            if bytes[index] == UInt8(ascii: "\"") {
                index += 1
                while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                    index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
                }
                guard index < bytes.count else { return nil }
                index += 1
            } else {
                while index < bytes.count, ![UInt8(ascii: ","), UInt8(ascii: "]")].contains(bytes[index]),
                    !Self.isSpace(bytes[index])
                {
                    index += 1
                }
            }
            return index > start ? bytes[start..<index] : nil
        }

        private mutating func skipSpace() {
            while index < bytes.count, Self.isSpace(bytes[index]) { index += 1 }
        }

        private static func isSpace(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
        }
    }
}
