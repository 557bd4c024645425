/// What `act` needs from the database: band transitions between runs, contacts, and the ledger of deliveries.
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
        try database.makeStatement(
            """
            SELECT r.account_id, a.external_id, coalesce(a.name, a.external_id), r.value, r.band, p.band
            FROM score_results r JOIN accounts a ON a.id = r.account_id
            LEFT JOIN score_results p ON p.run_id = ? AND p.account_id = r.account_id
            WHERE r.run_id = ? AND (p.band IS NULL OR p.band <> r.band)
            ORDER BY r.position
            """
            // No previous run is run 0, which no run has: a NULL would fold the join's key away, and Citus then refuses
            // the join of two distributed tables that is left.
        ).map([.integer(previousRunID ?? 0), .integer(runID)]) { row in
            Transition(
                accountRowID: row.integer(0), accountID: row.text(1) ?? "", name: row.text(2) ?? "",
                value: row.double(3),
                band: row.text(4) ?? "", previousBand: row.text(5))
        }
    }

    /// The account's primary contact (else its most recently active one): e-mail and last activity day.
    public func primaryContact(accountRowID: Int64) throws -> (email: String?, lastActivity: String?)? {
        try database.cachedStatement(
            """
            SELECT email, last_activity_date FROM contacts WHERE account_id = ?
            ORDER BY coalesce(is_primary, 0) DESC, last_activity_date DESC LIMIT 1
            """
        ).map([.integer(accountRowID)]) {
            (email: $0.text(0).flatMap { $0.isEmpty ? nil : $0 }, lastActivity: $0.text(1))
        }.first
    }

    /// A delivery as recorded: its id, whether it is known to have arrived, and the payload it carries.
    public struct Delivery: Sendable, Equatable {
        public let deliveryID: String
        public let runID: Int64
        public let accountRowID: Int64
        public let band: String
        public let action: String
        public let isSent: Bool
        public let payload: String

        /// Creates a delivery record.
        public init(
            deliveryID: String, runID: Int64, accountRowID: Int64, band: String, action: String, isSent: Bool,
            payload: String
        ) {
            self.deliveryID = deliveryID
            self.runID = runID
            self.accountRowID = accountRowID
            self.band = band
            self.action = action
            self.isSent = isSent
            self.payload = payload
        }
    }

    /// This action's delivery for this account and run, if one was recorded.
    public func delivery(scoreName: String, runID: Int64, accountRowID: Int64, action: String) throws -> Delivery? {
        try deliveries(
            where: "score_name = ? AND run_id = ? AND account_id = ? AND action = ?",
            [.text(scoreName), .integer(runID), .integer(accountRowID), .text(action)]
        ).first
    }

    /// The score's deliveries recorded before their send and not yet known to have arrived, oldest first.
    public func pendingDeliveries(scoreName: String) throws -> [Delivery] {
        try deliveries(where: "score_name = ? AND status = 'pending' ORDER BY id", [.text(scoreName)])
    }

    /// Records a delivery as pending, before it is sent: a crash after this line leaves it to be sent again with the
    /// same id, never forgotten.
    public func recordPending(scoreName: String, _ delivery: Delivery) throws {
        try database.cachedStatement(
            """
            INSERT INTO action_log (score_name, run_id, account_id, band, action, sent_at, detail, delivery_id, status)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending')
            """
        ).run([
            .text(scoreName), .integer(delivery.runID), .integer(delivery.accountRowID), .text(delivery.band),
            .text(delivery.action), .text(ScoreRunStore.now()), .text(delivery.payload), .text(delivery.deliveryID),
        ])
    }

    /// Marks a delivery as arrived.
    public func markSent(deliveryID: String) throws {
        try database.cachedStatement("UPDATE action_log SET status = 'sent', sent_at = ? WHERE delivery_id = ?")
            .run([.text(ScoreRunStore.now()), .text(deliveryID)])
    }

    /// The last run the score's actions were taken on, and the run its transitions were counted from.
    public func lastActed(scoreName: String) throws -> (runID: Int64, baseRunID: Int64?)? {
        try database.makeStatement("SELECT run_id, base_run_id FROM action_state WHERE score_name = ?")
            .map([.text(scoreName)]) { (runID: $0.integer(0), baseRunID: $0.isNull(1) ? nil : $0.integer(1)) }.first
    }

    /// Records that every action of the score's run `runID` (transitions from `baseRunID`) was taken.
    public func recordActed(scoreName: String, runID: Int64, baseRunID: Int64?) throws {
        try database.makeStatement(
            """
            INSERT INTO action_state (score_name, run_id, base_run_id, acted_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (score_name) DO UPDATE SET run_id = excluded.run_id, base_run_id = excluded.base_run_id,
                acted_at = excluded.acted_at
            """
        ).run([.text(scoreName), .integer(runID), baseRunID.map(SQLValue.integer) ?? .null, .text(ScoreRunStore.now())])
    }

    private func deliveries(where clause: String, _ values: [SQLValue]) throws -> [Delivery] {
        try database.makeStatement(
            """
            SELECT coalesce(delivery_id, 'legacy-' || id), run_id, account_id, band, action, status = 'sent', coalesce(detail, '')
            FROM action_log WHERE \(clause)
            """
        ).map(values) { row in
            Delivery(
                deliveryID: row.text(0) ?? "", runID: row.integer(1), accountRowID: row.integer(2),
                band: row.text(3) ?? "",
                action: row.text(4) ?? "", isSent: row.integer(5) == 1, payload: row.text(6) ?? "")
        }
    }

    /// True when the account row is a record of this source (its id there is the account's external id).
    public func isAccount(_ accountRowID: Int64, fromSource source: String) throws -> Bool {
        try database.cachedStatement("SELECT 1 FROM accounts WHERE id = ? AND source = ?")
            .map([.integer(accountRowID), .text(source)]) { _ in true }.first ?? false
    }
}
