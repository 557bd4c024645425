/// What `act` needs from the database: band transitions between runs, contacts, and the log of actions sent.
public struct ActionStore {
    private let database: Database

    /// Creates the store on a connection.
    public init(database: Database) { self.database = database }

    /// An account whose band in a run differs from its band in the previous run (or that was not in it).
    public struct Transition: Sendable {
        public let accountRowID: Int64
        public let accountID: String
        public let name: String
        public let value: Double
        public let band: String
        public let previousBand: String?
    }

    /// Accounts that entered their band in `runID` since `previousRunID` (all of them when there is no previous run).
    public func transitions(runID: Int64, previousRunID: Int64?) throws -> [Transition] {
        try database.statement(
            """
            SELECT r.account_id, a.external_id, coalesce(a.name, a.external_id), r.value, r.band, p.band
            FROM score_results r JOIN accounts a ON a.id = r.account_id
            LEFT JOIN score_results p ON p.run_id = ? AND p.account_id = r.account_id
            WHERE r.run_id = ? AND (p.band IS NULL OR p.band <> r.band)
            ORDER BY r.position
            """
        ).map([previousRunID.map(SQLValue.integer) ?? .null, .integer(runID)]) { row in
            Transition(
                accountRowID: row.integer(0), accountID: row.text(1) ?? "", name: row.text(2) ?? "", value: row.double(3),
                band: row.text(4) ?? "", previousBand: row.text(5))
        }
    }

    /// The account's primary contact (else its most recently active one): e-mail and last activity day.
    public func primaryContact(accountRowID: Int64) throws -> (email: String?, lastActivity: String?)? {
        try database.statement(
            """
            SELECT email, last_activity_date FROM contacts WHERE account_id = ?
            ORDER BY coalesce(is_primary, 0) DESC, last_activity_date DESC LIMIT 1
            """
        ).map([.integer(accountRowID)]) { (email: $0.text(0).flatMap { $0.isEmpty ? nil : $0 }, lastActivity: $0.text(1)) }.first
    }

    /// True when this action was already sent for this account and run.
    public func wasSent(scoreName: String, runID: Int64, accountRowID: Int64, action: String) throws -> Bool {
        try database.statement(
            "SELECT 1 FROM action_log WHERE score_name = ? AND run_id = ? AND account_id = ? AND action = ?"
        ).map([.text(scoreName), .integer(runID), .integer(accountRowID), .text(action)]) { _ in true }.first ?? false
    }

    /// Records an action as sent.
    public func record(scoreName: String, runID: Int64, accountRowID: Int64, band: String, action: String, detail: String) throws {
        try database.statement(
            """
            INSERT INTO action_log (score_name, run_id, account_id, band, action, sent_at, detail) VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (score_name, run_id, account_id, action) DO NOTHING
            """
        ).run([.text(scoreName), .integer(runID), .integer(accountRowID), .text(band), .text(action), .text(ScoreRunStore.now()), .text(detail)])
    }

    /// True when the account row is a record of this source (its id there is the account's external id).
    public func isAccount(_ accountRowID: Int64, fromSource source: String) throws -> Bool {
        try database.statement("SELECT 1 FROM accounts WHERE id = ? AND source = ?")
            .map([.integer(accountRowID), .text(source)]) { _ in true }.first ?? false
    }
}
