import ScoreKit

/// A result's details as stored: one JSON object (`JSONWriter.details`), its members in the module's order, read back
/// in that order.
enum StoredDetails {
    /// The details in `text`, in their order; nil when it is not an object of strings and numbers.
    static func read(_ text: String) -> [(name: String, value: DetailValue)]? {
        var text = text
        return text.withUTF8 { bytes in
            var reader = JSONReader(bytes)
            var details: [(name: String, value: DetailValue)] = []
            guard reader.take(UInt8(ascii: "{")) else { return nil }
            while !reader.take(UInt8(ascii: "}")) {
                guard details.isEmpty || reader.take(UInt8(ascii: ",")), let name = reader.string(),
                    reader.take(UInt8(ascii: ":"))
                else { return nil }
                if let text = reader.string() {
                    details.append((name, .text(text)))
                } else if let number = reader.number() {
                    details.append((name, number.integer.map(DetailValue.integer) ?? .number(number.double)))
                } else {
                    return nil
                }
            }
            return reader.isAtEnd ? details : nil
        }
    }
}
