/// Named schema migrations applied in order; the database's `user_version` counts those applied.
///
/// A shipped migration is never edited: a change is a new migration, so an old database is upgraded, never dropped.
public struct Migrator: Sendable {
    /// One step of the schema.
    public struct Migration: Sendable {
        /// A short stable name (`1-canonical-tables`).
        public let name: String
        /// The SQL it runs.
        public let sql: String
    }

    /// The migrations, oldest first.
    public let migrations: [Migration]

    /// Scorebook's schema.
    public static let standard = Migrator(migrations: [
        Migration(name: "1-canonical-tables", sql: CanonicalSchema.sql),
        Migration(name: "2-score-runs", sql: ScoreRunSchema.sql),
        Migration(name: "3-module-fact-indexes", sql: ModuleFactIndexes.sql),
        Migration(name: "4-sync-state", sql: SyncSchema.sql),
        Migration(name: "5-trained-models", sql: TrainedModelSchema.sql),
        Migration(name: "6-contacts-and-actions", sql: ActionSchema.sql),
        Migration(name: "7-deals-and-payments", sql: DealPaymentSchema.sql),
        Migration(name: "8-deferred-indexes", sql: DeferredIndexSchema.sql),
        Migration(name: "9-skipped-records", sql: SkippedRecordsSchema.sql),
        Migration(name: "10-run-kinds-and-deliveries", sql: RunKindDeliverySchema.sql),
    ])

    /// Applies every migration the database lacks, each in its own transaction with its version bump.
    public func migrate(_ database: Database) throws {
        let version = try database.schemaVersion
        guard version <= migrations.count else {
            throw StoreError(
                code: 0, message: "schema version \(version) is newer than this scorebook knows (\(migrations.count))",
                context: "opening \(database.path); upgrade scorebook")
        }
        for (index, migration) in migrations.enumerated().dropFirst(version) {
            try database.transaction {
                try database.execute(migration.sql)
                try database.execute("PRAGMA user_version = \(index + 1)")
            }
        }
    }
}
