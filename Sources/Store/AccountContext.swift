/// What a customer-success manager needs beside a score: MRR, when the account started (its renewal anniversary) and
/// its primary contact, as of a day.
public struct AccountContext: Sendable, Equatable {
    /// The account's id as the data gives it.
    public let accountID: String
    /// The latest MRR on or before the day, in minor units; nil when none is known.
    public let mrrCents: Int64?
    /// The day the account started (its created date, else its first invoice), YYYY-MM-DD.
    public let startDate: String?
    /// The primary contact's name and e-mail, when there is one.
    public let contactName: String?
    public let contactEmail: String?
}

/// Reads `AccountContext` for many accounts in three queries.
public struct AccountContextStore {
    let database: Database

    /// Creates the store on a connection.
    public init(database: Database) { self.database = database }

    /// Each account's context as of `day`, by account id; accounts without any row are left out.
    public func contexts(asOf day: String) throws -> [String: AccountContext] {
        var mrr: [String: Int64] = [:]
        try database.makeStatement(
            """
            SELECT a.external_id, m.mrr_cents FROM mrr_changes m JOIN accounts a ON a.id = m.account_id
            WHERE m.effective_date <= ?1 ORDER BY m.effective_date, m.id
            """
        ).forEach([.text(day)]) { row in if let id = row.text(0) { mrr[id] = row.integer(1) } }
        var starts: [String: String] = [:]
        try database.makeStatement(
            """
            SELECT a.external_id,
                coalesce(a.created_date, (SELECT min(i.issued_date) FROM invoices i WHERE i.account_id = a.id))
            FROM accounts a WHERE a.deleted_at IS NULL
            """
        ).forEach { row in if let id = row.text(0), let start = row.text(1) { starts[id] = String(start.prefix(10)) } }
        var contacts: [String: (String?, String?)] = [:]
        try database.makeStatement(
            """
            SELECT a.external_id, c.name, c.email FROM contacts c JOIN accounts a ON a.id = c.account_id
            WHERE c.is_primary = 1 ORDER BY c.last_activity_date, c.id
            """
        ).forEach { row in if let id = row.text(0) { contacts[id] = (row.text(1), row.text(2)) } }
        var result: [String: AccountContext] = [:]
        for id in Set(mrr.keys).union(starts.keys).union(contacts.keys) {
            result[id] = AccountContext(
                accountID: id, mrrCents: mrr[id], startDate: starts[id], contactName: contacts[id]?.0,
                contactEmail: contacts[id]?.1)
        }
        return result
    }
}
