extension HubSpotSource {
    /// Every company id HubSpot lists unarchived, paged with `after`.
    func liveAccountIDs() throws -> (ids: Set<String>, pages: Int) {
        try IDListing.collect("\(name) reconciliation") { cursor, number in
            let after = cursor.map { "&after=" + ServerURL.queryValue($0) } ?? ""
            let page = try context.fetch(
                "/crm/v3/objects/companies?limit=\(context.settings.pageSize)&archived=false&properties=name\(after)",
                headers: headers, what: "\(name) reconciliation page \(number)", classify: Self.classify)
            let ids = (page["results"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
            return (ids, ((page["paging"] as? [String: Any])?["next"] as? [String: Any])?["after"] as? String)
        }
    }
}
