/// Stripe's end of a listing is `has_more: false`, never a short or empty page: an empty page that says more
/// follow is asked again, and if it stays empty the listing fails naming it, so its stream is left unfinished (to
/// resume from its cursor) rather than marked listed with records missing.
enum StripePaging {
    /// How often a page is asked for while it comes back empty with `has_more: true`.
    static let emptyPageTries = 3

    /// The page `fetch` gets (its JSON body read through `body`), asked again while empty with `has_more`.
    static func page<Page>(what: String, fetch: () throws -> Page, body: (Page) -> [String: Any]) throws -> Page {
        var tries = 0
        while true {
            let page = try fetch()
            let object = body(page)
            let isEmpty = (object["data"] as? [Any])?.isEmpty ?? true
            guard isEmpty, hasMore(object) else { return page }
            tries += 1
            if tries >= emptyPageTries {
                throw SyncError(
                    what: what,
                    reason: "the page came back empty \(tries) times while saying `has_more: "
                        + "true`; stopping so the stream is not taken as listed (a rerun resumes here)")
            }
        }
    }

    /// The page's `has_more`.
    static func hasMore(_ body: [String: Any]) -> Bool { body["has_more"] as? Bool ?? false }
}
