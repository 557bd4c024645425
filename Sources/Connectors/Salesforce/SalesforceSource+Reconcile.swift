extension SalesforceSource {
    /// Every Account Id `query` returns (deleted ones, in the recycle bin, are not), following `nextRecordsUrl`.
    func liveAccountIDs() throws -> (ids: Set<String>, pages: Int) {
        try IDListing.collect("\(name) reconciliation") { cursor, number in
            let path = cursor ?? Self.queryPath(endpoint: "query", soql: "SELECT Id FROM Account")
            let page = try session.fetch(path, what: "\(name) reconciliation page \(number)")
            let ids = (page["records"] as? [[String: Any]] ?? []).compactMap { $0["Id"] as? String }
            return (ids, page["done"] as? Bool == false ? page["nextRecordsUrl"] as? String : nil)
        }
    }
}
