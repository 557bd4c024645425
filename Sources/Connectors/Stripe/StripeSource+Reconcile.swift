extension StripeSource {
    /// Every customer id Stripe lists (deleted customers are not listed), paged with `starting_after`.
    func liveAccountIDs() throws -> (ids: Set<String>, pages: Int) {
        var ids = Set<String>()
        var pages = 0
        var after: String?
        while true {
            pages += 1
            let cursor = after.map { "&starting_after=" + ServerURL.queryValue($0) } ?? ""
            let page = try fetch(
                "/v1/customers?limit=\(context.settings.pageSize)\(cursor)",
                what: "\(name) reconciliation page \(pages)")
            let found = (page["data"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
            let before = ids.count
            ids.formUnion(found)
            guard StripePaging.hasMore(page), let last = found.last, ids.count > before else { return (ids, pages) }
            after = last
        }
    }
}
