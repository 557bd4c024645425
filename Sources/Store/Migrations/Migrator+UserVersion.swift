extension Migrator {
    /// The migrations that `PRAGMA user_version` counted before migrations were recorded by identifier, in order.
    ///
    /// A database at version N has had the first N. Frozen: never add to it.
    static let countedByUserVersion = [
        "1-canonical-tables", "2-score-runs", "3-module-fact-indexes", "4-sync-state", "5-trained-models",
        "6-contacts-and-actions", "7-deals-and-payments", "8-deferred-indexes", "9-skipped-records",
        "10-run-kinds-and-deliveries",
    ]

    /// Creates `schema_migrations` when the database lacks it, with the migrations `user_version` counted.
    ///
    /// The first `user_version` migrations are recorded as applied (their `applied_at` NULL: when is not known).
    /// `user_version` becomes 1000, which a scorebook that still counts migrations reads as a newer schema and
    /// refuses instead of migrating again.
    static func adoptUserVersion(_ database: Database) throws {
        guard try !hasLedger(database) else { return }
        try database.transaction {
            guard try !hasLedger(database) else { return }
            let version = try database.makeStatement("PRAGMA user_version").map { Int($0.integer(0)) }.first ?? 0
            guard version <= countedByUserVersion.count else {
                throw StoreError(
                    code: 0,
                    message:
                        "schema version \(version) is newer than this scorebook knows (\(countedByUserVersion.count))",
                    context: "opening \(database.path); upgrade scorebook")
            }
            try database.execute(
                """
                CREATE TABLE schema_migrations (identifier TEXT PRIMARY KEY, applied_at TEXT);
                PRAGMA user_version = 1000;
                """)
            let record = try database.makeStatement(
                "INSERT INTO schema_migrations (identifier, applied_at) VALUES (?, NULL)")
            for identifier in countedByUserVersion.prefix(version) {
                try record.run([.text(identifier)])
            }
        }
    }

    private static func hasLedger(_ database: Database) throws -> Bool {
        try database.makeStatement("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
            .map { _ in true }.first ?? false
    }
}
