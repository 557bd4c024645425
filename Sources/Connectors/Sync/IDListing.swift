/// A source's ids listed page by page, for a reconciliation.
///
/// `page` fetches one page from a cursor (nil for the first) and says its ids and the next cursor (nil at the end).
/// A cursor seen twice stops the listing in one line: a partial listing would retire live rows.
enum IDListing {
    static func collect(
        _ what: String, page: (_ cursor: String?, _ number: Int) throws -> (ids: [String], next: String?)
    ) throws -> (ids: Set<String>, pages: Int) {
        var ids = Set<String>()
        var seen = Set<String>()
        var cursor: String?
        var number = 0
        while true {
            number += 1
            let (found, next) = try page(cursor, number)
            ids.formUnion(found)
            guard let next else { return (ids, number) }
            guard seen.insert(next).inserted else {
                throw SyncError(
                    what: what,
                    reason: "the cursor \(next) repeated; stopping instead of retiring what it did not reach")
            }
            cursor = next
        }
    }
}
