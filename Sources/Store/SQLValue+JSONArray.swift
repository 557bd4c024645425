extension SQLValue {
    /// A list bound as one JSON array, for `IN (SELECT value FROM json_each(?))`: the statement's text stays the same
    /// for every list, and no value is ever spliced into SQL.
    public static func jsonArray(_ texts: [String]) -> SQLValue {
        var writer = JSONWriter()
        writer.strings(texts)
        return .text(writer.text)
    }
}
