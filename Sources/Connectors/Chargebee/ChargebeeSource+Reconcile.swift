extension ChargebeeSource {
    /// Every customer id Chargebee lists, deleted ones included (those are the incremental sync's to mark), paged
    /// with `next_offset`.
    func liveAccountIDs() throws -> (ids: Set<String>, pages: Int) {
        try IDListing.collect("\(name) reconciliation") { offset, number in
            let page = try context.fetch(
                Self.listPath("customers", limit: context.settings.pageSize, after: 0, offset: offset),
                headers: headers,
                what: "\(name) reconciliation page \(number)", classify: ChargebeeErrors.classify)
            let ids = (page["list"] as? [[String: Any]] ?? []).compactMap {
                ($0["customer"] as? [String: Any])?["id"] as? String
            }
            return (ids, page["next_offset"] as? String)
        }
    }
}
