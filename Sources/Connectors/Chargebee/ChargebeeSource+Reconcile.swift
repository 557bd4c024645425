extension ChargebeeSource {
    /// Every id Chargebee lists of customers, subscriptions and invoices, deleted ones included (those are the
    /// incremental sync's to mark), each paged with `next_offset`.
    func reconciliationListings() throws -> [ReconciledStream.Listing] {
        let streams: [(list: String, wrapper: String, stream: ReconciledStream)] = [
            ("customers", "customer", .accounts), ("subscriptions", "subscription", .subscriptions),
            ("invoices", "invoice", .invoices),
        ]
        return try streams.map { list, wrapper, stream in
            try ReconciledStream.Listing.of(stream, context: context) { try liveIDs(list, wrapper: wrapper) }
        }
    }

    /// Every id of one list (its entries wrapped as `{"customer": {...}}`).
    private func liveIDs(_ list: String, wrapper: String) throws -> (ids: Set<String>, pages: Int) {
        try IDListing.collect("\(name) \(list) reconciliation") { offset, number in
            let page = try context.fetch(
                Self.listPath(list, limit: context.settings.pageSize, after: 0, offset: offset),
                headers: headers,
                what: "\(name) \(list) reconciliation page \(number)", classify: ChargebeeErrors.classify)
            let ids = (page["list"] as? [[String: Any]] ?? []).compactMap {
                ($0[wrapper] as? [String: Any])?["id"] as? String
            }
            return (ids, page["next_offset"] as? String)
        }
    }
}
