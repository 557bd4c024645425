extension HubSpotSource {
    /// Every id HubSpot lists unarchived of companies, contacts, deals and tickets, each paged with `after`.
    func reconciliationListings() throws -> [ReconciledStream.Listing] {
        let streams: [(HubSpotObject, ReconciledStream)] = [
            (.companies, .accounts), (.contacts, .contacts), (.deals, .deals), (.tickets, .tickets),
        ]
        return try streams.map { object, stream in
            try ReconciledStream.Listing.of(stream, context: context) { try liveIDs(object) }
        }
    }

    /// Every id of one object type HubSpot lists unarchived (`archived=false`, only `hs_object_id` asked for).
    private func liveIDs(_ object: HubSpotObject) throws -> (ids: Set<String>, pages: Int) {
        try IDListing.collect("\(name) \(object.rawValue) reconciliation") { cursor, number in
            let after = cursor.map { "&after=" + ServerURL.queryValue($0) } ?? ""
            let page = try context.fetch(
                "/crm/v3/objects/\(object.rawValue)?limit=\(context.settings.pageSize)&archived=false"
                    + "&properties=hs_object_id\(after)",
                headers: headers, what: "\(name) \(object.rawValue) reconciliation page \(number)",
                classify: Self.classify)
            let ids = (page["results"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
            return (ids, ((page["paging"] as? [String: Any])?["next"] as? [String: Any])?["after"] as? String)
        }
    }
}
