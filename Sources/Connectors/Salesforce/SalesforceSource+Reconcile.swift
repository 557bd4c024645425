extension SalesforceSource {
    /// Every Account Id `query` returns (deleted ones, in the recycle bin, are not), following `nextRecordsUrl`.
    func liveAccountIDs() throws -> (ids: Set<String>, pages: Int) {
        var ids = Set<String>()
        var pages = 1
        var page = try session.fetch(
            Self.queryPath(endpoint: "query", soql: "SELECT Id FROM Account"), what: "\(name) reconciliation page 1")
        var seen = Set<String>()
        while true {
            ids.formUnion((page["records"] as? [[String: Any]] ?? []).compactMap { $0["Id"] as? String })
            guard page["done"] as? Bool == false, let next = page["nextRecordsUrl"] as? String,
                seen.insert(next).inserted
            else { return (ids, pages) }
            pages += 1
            page = try session.fetch(next, what: "\(name) reconciliation page \(pages)")
        }
    }
}
