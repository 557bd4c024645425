import Store

/// JSON text built a member at a time, for output whose members come from several places (`Listing`, the
/// renderers): `JSONWriter`'s strings and numbers as `String`s.
enum JSONText {
    /// A JSON string literal.
    static func string(_ text: String) -> String {
        written { $0.string(text) }
    }

    /// A JSON number; non-finite values become null.
    static func number(_ value: Double) -> String {
        written { $0.number(value) }
    }

    /// An object of already-encoded values, keys in the given order.
    static func object(_ members: [(key: String, json: String)]) -> String {
        "{" + members.map { string($0.key) + ":" + $0.json }.joined(separator: ",") + "}"
    }

    private static func written(_ write: (inout JSONWriter) -> Void) -> String {
        var writer = JSONWriter()
        write(&writer)
        return writer.text
    }
}
