extension StripeSource {
    /// Every customer id Stripe lists (deleted customers are not listed), paged with `starting_after`.
    ///
    /// Customers are the only stream to reconcile: Stripe cancels subscriptions rather than deleting them (they stay
    /// listed with `status=all`), never deletes charges, and deletes only draft invoices, which no score reads.
    func reconciliationListings() throws -> [ReconciledStream.Listing] {
        [try ReconciledStream.Listing.of(.accounts, context: context) { try liveAccountIDs() }]
    }

    /// Every customer id, page by page.
    private func liveAccountIDs() throws -> (ids: Set<String>, pages: Int) {
        try IDListing.collect("\(name) customers reconciliation") { cursor, number in
            let what = "\(name) customers reconciliation page \(number)"
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
