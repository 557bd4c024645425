extension StripeSource {
    /// Every customer id Stripe lists (deleted customers are not listed), paged with `starting_after`.
    func liveAccountIDs() throws -> (ids: Set<String>, pages: Int) {
        try IDListing.collect("\(name) reconciliation") { cursor, number in
            let what = "\(name) reconciliation page \(number)"
            let after = cursor.map { "&starting_after=" + ServerURL.queryValue($0) } ?? ""
            let page = try StripePaging.page(
                what: what,
                fetch: { try fetch("/v1/customers?limit=\(context.settings.pageSize)\(after)", what: what) },
                body: { $0 })
            let ids = (page["data"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
            return (ids, StripePaging.hasMore(page) ? ids.last : nil)
        }
    }
}
