/// The accounts a search found: the listing `scorebook accounts` prints, and the line under its table.
public struct AccountMatches: Sendable {
    /// Source, id, name, domain, industry and country of each account found; JSON adds `listed` and `accounts`.
    public let listing: Listing
    /// "3 listed matching "acme" of 1000 accounts", with the limit when it was reached.
    public let summary: String
}
