/// Named schema migrations, each recorded by its identifier in `schema_migrations` once applied (GRDB's
/// `DatabaseMigrator`).
///
/// A shipped migration is never edited, renamed or renumbered: a change is a new migration at the end, so an old
/// database is upgraded, never dropped. Migrations are plain SQL text, never built from Swift values, so what one
/// does cannot change when the code around it does.
public struct Migrator: Sendable {
    /// One step of the schema.
    public struct Migration: Sendable {
        /// A short name that never changes once shipped (`1-canonical-tables`); the number in it is part of the name.
        public let identifier: String
        /// The SQL it runs.
        public let sql: String
    }

    /// The migrations, oldest first.
    public let migrations: [Migration]

    /// Scorebook's schema.
    public static let standard = Migrator(migrations: [
        Migration(identifier: "1-canonical-tables", sql: CanonicalSchema.sql),
        Migration(identifier: "2-score-runs", sql: ScoreRunSchema.sql),
        Migration(identifier: "3-module-fact-indexes", sql: ModuleFactIndexes.sql),
        Migration(identifier: "4-sync-state", sql: SyncSchema.sql),
        Migration(identifier: "5-trained-models", sql: TrainedModelSchema.sql),
        Migration(identifier: "6-contacts-and-actions", sql: ActionSchema.sql),
        Migration(identifier: "7-deals-and-payments", sql: DealPaymentSchema.sql),
        Migration(identifier: "8-deferred-indexes", sql: DeferredIndexSchema.sql),
        Migration(identifier: "9-skipped-records", sql: SkippedRecordsSchema.sql),
        Migration(identifier: "10-run-kinds-and-deliveries", sql: RunKindDeliverySchema.sql),
        Migration(identifier: "11-compact-components", sql: CompactComponentsSchema.sql),
    ])

    /// Applies every migration the database has not recorded, each in its own transaction with its record.
    ///
    /// A database that counts its migrations in `PRAGMA user_version` (scorebook before identifiers) first gets its
    /// count turned into records; one that has recorded a migration this scorebook does not know is refused.
    public func migrate(_ database: Database) throws {
        let identifiers = migrations.map(\.identifier)
        guard Set(identifiers).count == identifiers.count else {
            throw StoreError(
                code: 0, message: "two migrations share an identifier", context: "migrating \(database.path)")
        }
        try Self.adoptUserVersion(database)
        let applied = try database.appliedMigrations
        let unknown = applied.filter { !identifiers.contains($0) }
        guard unknown.isEmpty else {
            throw StoreError(
                code: 0, message: "applied migrations this scorebook does not know: \(unknown.joined(separator: ", "))",
                context: "opening \(database.path); upgrade scorebook")
        }
        for migration in migrations where !applied.contains(migration.identifier) {
            try database.transaction {
                try database.execute(migration.sql)
                try database.cachedStatement(
                    "INSERT INTO schema_migrations (identifier, applied_at) VALUES (?, strftime('%Y-%m-%dT%H:%M:%SZ'))"
                ).run([.text(migration.identifier)])
            }
        }
    }
}
