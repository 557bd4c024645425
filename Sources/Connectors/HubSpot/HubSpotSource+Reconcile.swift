extension HubSpotSource {
    /// Every company id HubSpot lists unarchived, paged with `after`.
    func liveAccountIDs() throws -> (ids: Set<String>, pages: Int) {
        var ids = Set<String>()
        var pages = 0
        var after: String?
        while true {
            pages += 1
            let cursor = after.map { "&after=" + ServerURL.queryValue($0) } ?? ""
            let page = try context.fetch(
                "/crm/v3/objects/companies?limit=\(context.settings.pageSize)&archived=false&properties=name\(cursor)",
                headers: headers, what: "\(name) reconciliation page \(pages)", classify: Self.classify)
            let before = ids.count
            ids.formUnion((page["results"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String })
            let next = ((page["paging"] as? [String: Any])?["next"] as? [String: Any])?["after"] as? String
            guard let next, ids.count > before else { return (ids, pages) }
            after = next
        }
    }
}
