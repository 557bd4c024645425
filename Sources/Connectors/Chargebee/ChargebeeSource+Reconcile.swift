extension ChargebeeSource {
    /// Every customer id Chargebee lists, deleted ones included (those are the incremental sync's to mark), paged
    /// with `next_offset`.
    func liveAccountIDs() throws -> (ids: Set<String>, pages: Int) {
        var ids = Set<String>()
        var pages = 0
        var offset: String?
        var offsets = Set<String>()
        while true {
            pages += 1
            let page = try context.fetch(
                Self.listPath("customers", limit: context.settings.pageSize, after: 0, offset: offset),
                headers: headers,
                what: "\(name) reconciliation page \(pages)", classify: ChargebeeErrors.classify)
            for entry in page["list"] as? [[String: Any]] ?? [] {
                if let id = (entry["customer"] as? [String: Any])?["id"] as? String { ids.insert(id) }
            }
            guard let next = page["next_offset"] as? String, offsets.insert(next).inserted else { return (ids, pages) }
            offset = next
        }
    }
}
