import Foundation

extension SQLValue {
    /// A list bound as one JSON array, for `IN (SELECT value FROM json_each(?))`: the statement's text stays the same
    /// for every list, and no value is ever spliced into SQL.
    public static func jsonArray(_ texts: [String]) throws -> SQLValue {
        .text(String(decoding: try JSONEncoder().encode(texts), as: UTF8.self))
    }
}
