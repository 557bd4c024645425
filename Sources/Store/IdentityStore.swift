/// Links billing customers to CRM companies, set-based, and reports what stayed unlinked.
public struct IdentityStore {
    private let database: Database

    /// Creates the store on a connection.
    public init(database: Database) { self.database = database }

    /// Links unlinked billing accounts: first by the explicit CRM id they carry, then by domain; then re-files their
    /// records under the CRM account.
    ///
    /// Returns how many were linked. Call it inside a transaction: re-filing deletes rows and inserts them again.
    public func link(billingSources: [String], crmSources: [String]) throws -> Int {
        guard !billingSources.isEmpty, !crmSources.isEmpty else { return 0 }
        // Re-filing copies rows to other accounts: the moved records' old rows go first, or they would be copied too.
        try database.movedRecords.delete(on: database)
        let sources = [SQLValue.jsonArray(crmSources), .jsonArray(billingSources)]
        var linked = try database.makeStatement(
            """
            UPDATE accounts SET canonical_id = (
                SELECT c.id FROM accounts c
                WHERE c.source IN (SELECT value FROM json_each(?1)) AND c.external_id = accounts.crm_link)
            WHERE source IN (SELECT value FROM json_each(?2)) AND canonical_id IS NULL AND crm_link IS NOT NULL
              AND EXISTS (
                SELECT 1 FROM accounts c
                WHERE c.source IN (SELECT value FROM json_each(?1)) AND c.external_id = accounts.crm_link)
            """
        ).run(sources)
        linked += try database.makeStatement(
            """
            UPDATE accounts SET canonical_id = (
                SELECT min(c.id) FROM accounts c WHERE c.source IN (SELECT value FROM json_each(?1))
                  AND \(DomainKey.expression("c.domain")) = \(DomainKey.expression("accounts.domain")))
            WHERE source IN (SELECT value FROM json_each(?2)) AND canonical_id IS NULL AND domain IS NOT NULL
              AND EXISTS (SELECT 1 FROM accounts c WHERE c.source IN (SELECT value FROM json_each(?1))
                  AND \(DomainKey.expression("c.domain")) = \(DomainKey.expression("accounts.domain")))
            """
        ).run(sources)
        for table in CanonicalTable.allCases where table != .accounts {
            try refile(table)
        }
        return linked
    }

    /// Moves a table's rows of linked accounts to their canonical account: copied aside with the new account, deleted,
    /// inserted again with their ids.
    ///
    /// Never an `UPDATE` of `account_id`, which would move a row between shards on a table distributed by account
    /// (Citus refuses it); deleting before inserting keeps SQLite's `(source, external_id)` key unique throughout.
    private func refile(_ table: CanonicalTable) throws {
        let name = table.rawValue
        let kept = ["id", "source", "external_id", "raw"] + table.columns.filter { $0 != "account_id" }
        let columns = (kept + ["account_id"]).joined(separator: ", ")
        let aside = "scorebook_refile_\(name)"
        let linked = "SELECT id FROM accounts WHERE canonical_id IS NOT NULL"
        try database.execute(
            """
            CREATE TEMP TABLE \(aside) AS
            SELECT \(kept.map { "r.\($0)" }.joined(separator: ", ")), a.canonical_id AS account_id
            FROM \(name) r JOIN accounts a ON a.id = r.account_id WHERE a.canonical_id IS NOT NULL;
            DELETE FROM \(name) WHERE account_id IN (\(linked));
            INSERT INTO \(name) (\(columns)) SELECT \(columns) FROM \(aside);
            DROP TABLE \(aside)
            """)
    }

    /// The account row a record of this source and id should be filed under: its canonical account, if linked.
    public func accountRow(source: String, externalID: String) throws -> Int64? {
        try database.cachedStatement(
            "SELECT coalesce(canonical_id, id) FROM accounts WHERE source = ? AND external_id = ?"
        )
        .map([.text(source), .text(externalID)]) { $0.integer(0) }.first
    }

    /// The account rows of several records of this source by external id, as `accountRow` finds each.
    ///
    /// Ids without an account are left out. One query per hundred ids instead of one per id: the ids are bound as a
    /// fixed list of parameters, the unused ones NULL, so each probes the unique key (PostgreSQL guesses a thousand
    /// rows for a `json_each` list, and scanned every account for each page).
    public func accountRows(source: String, externalIDs: [String]) throws -> [String: Int64] {
        let width = 100
        let statement = try database.cachedStatement(
            """
            SELECT external_id, coalesce(canonical_id, id) FROM accounts
            WHERE source = ? AND external_id IN (\(Array(repeating: "?", count: width).joined(separator: ", ")))
            """)
        var found: [String: Int64] = [:]
        for start in stride(from: 0, to: externalIDs.count, by: width) {
            let ids = externalIDs[start..<min(start + width, externalIDs.count)].map(SQLValue.text)
            let values = [.text(source)] + ids + Array(repeating: .null, count: width - ids.count)
            try statement.forEach(values) { found[$0.text(0) ?? ""] = $0.integer(1) }
        }
        return found
    }

    /// Accounts of the given sources that are not linked to another source's account, with their source, id and name.
    public func unlinked(billingSources: [String], crmSources: [String]) throws -> [(
        source: String, id: String, name: String
    )] {
        try database.makeStatement(
            """
            SELECT source, external_id, coalesce(name, '') FROM accounts a
            WHERE deleted_at IS NULL AND (
                (source IN (SELECT value FROM json_each(?1)) AND canonical_id IS NULL)
                OR (source IN (SELECT value FROM json_each(?2))
                    AND NOT EXISTS (SELECT 1 FROM accounts b WHERE b.canonical_id = a.id)))
            ORDER BY source, external_id
            """
        ).map([.jsonArray(billingSources), .jsonArray(crmSources)]) {
            ($0.text(0) ?? "", $0.text(1) ?? "", $0.text(2) ?? "")
        }
    }

    /// Marks a record deleted at the source.
    public func markDeleted(_ table: CanonicalTable, source: String, externalID: String, at timestamp: String) throws
        -> Bool
    {
        try database.cachedStatement(
            "UPDATE \(table.rawValue) SET deleted_at = ? WHERE source = ? AND external_id = ? AND deleted_at IS NULL"
        )
        .run([.text(timestamp), .text(source), .text(externalID)]) > 0
    }

    /// Removes a record the source deleted, for tables nothing refers to (contacts).
    public func remove(_ table: CanonicalTable, source: String, externalID: String) throws -> Bool {
        try database.cachedStatement("DELETE FROM \(table.rawValue) WHERE source = ? AND external_id = ?")
            .run([.text(source), .text(externalID)]) > 0
    }
}
