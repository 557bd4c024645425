import Store

/// Finding accounts as people look for them: by part of an id, name or domain, or by the start of an id.
public struct AccountSearch {
    private let database: Database

    /// Searches the accounts in `database`.
    public init(database: Database) { self.database = database }

    /// Accounts not deleted whose id, name or domain contains `text` (any case; all when nil), at most `limit`: a
    /// listing (source, id, name, domain, industry, country) and the line that sums it up.
    public func find(_ text: String?, limit: Int) throws -> AccountMatches {
        let directory = AccountDirectory(database: database)
        let found = try directory.find(text, limit: limit)
        let total = try directory.liveCount()
        var listing = Listing(columns: ["source", "id", "name", "domain", "industry", "country"])
        listing.rows = found.map { [$0.source, $0.id, $0.name, $0.domain, $0.industry, $0.country] }
        listing.fields = [("listed", .number(Double(found.count))), ("accounts", .number(Double(total)))]
        let matching = text.map { " matching \"\($0)\"" } ?? ""
        let limited = found.count == limit ? " (--limit \(limit))" : ""
        let summary = "\(found.count) listed\(matching) of \(total) accounts" + limited
        return AccountMatches(listing: listing, summary: summary)
    }

    /// Throws unless an account has this id.
    public func requireAccount(_ id: String) throws {
        guard try AccountDirectory(database: database).rowIDsByExternalID()[id] != nil else {
            throw HostError.unknownAccount(account: id, database: database.path)
        }
    }

    /// Up to 200 account ids starting with `prefix`, in order (the shell's completion).
    public func ids(startingWith prefix: String) throws -> [String] {
        let sql = """
            SELECT DISTINCT external_id FROM accounts WHERE substr(external_id, 1, ?) = ? ORDER BY external_id LIMIT 200
            """
        return try database.makeStatement(sql).map([.integer(Int64(prefix.count)), .text(prefix)]) { $0.text(0) }
            .compactMap { $0 }
    }
}
