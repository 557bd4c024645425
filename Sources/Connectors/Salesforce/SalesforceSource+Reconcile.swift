extension SalesforceSource {
    /// Every Id `query` returns of Account, Contact, Opportunity and Case (deleted ones, in the recycle bin, are not).
    func reconciliationListings() throws -> [ReconciledStream.Listing] {
        let streams: [(SalesforceObject, ReconciledStream)] = [
            (.account, .accounts), (.contact, .contacts), (.opportunity, .opportunities), (.case, .cases),
        ]
        return try streams.map { object, stream in
            try ReconciledStream.Listing.of(stream, context: context) { try liveIDs(object) }
        }
    }

    /// Every Id of one sObject `query` returns, following `nextRecordsUrl`.
    private func liveIDs(_ object: SalesforceObject) throws -> (ids: Set<String>, pages: Int) {
        try IDListing.collect("\(name) \(object.stream) reconciliation") { cursor, number in
            let path = cursor ?? Self.queryPath(endpoint: "query", soql: "SELECT Id FROM \(object.rawValue)")
            let page = try session.fetch(path, what: "\(name) \(object.stream) reconciliation page \(number)")
            let ids = (page["records"] as? [[String: Any]] ?? []).compactMap { $0["Id"] as? String }
            return (ids, page["done"] as? Bool == false ? page["nextRecordsUrl"] as? String : nil)
        }
    }
}
