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
        Migration(identifier: "12-component-templates", sql: ComponentTemplateSchema.sql),
        Migration(identifier: "13-shared-details", sql: SharedDetailsSchema.sql),
    ])

    /// Scorebook's schema on PostgreSQL: the same tables in PostgreSQL's types.
    ///
    /// A change to the schema is a new migration at the end of both lists.
    public static let postgres = Migrator(migrations: [
        Migration(identifier: "1-schema", sql: PostgresSchema.sql),
        Migration(identifier: "2-sqlite-functions", sql: PostgresFunctions.sql),
        Migration(identifier: "3-citus-ready", sql: CitusReadySchema.sql),
        Migration(identifier: "4-julianday-in-double-precision", sql: PostgresJulianDay.sql),
        Migration(identifier: "5-component-templates", sql: ComponentTemplateSchema.sql),
        Migration(identifier: "6-inlinable-sqlite-functions", sql: PostgresInlinableFunctions.sql),
        Migration(identifier: "7-shared-details", sql: SharedDetailsSchema.sql),
    ])

    /// The schema's migrations on `engine`.
    public static func schema(of engine: Engine) -> Migrator {
        engine == .sqlite ? standard : postgres
    }

    /// Applies every migration the database has not recorded, each in its own transaction with its record.
    ///
    /// A database that counts its migrations in `PRAGMA user_version` (scorebook before identifiers) first gets its
    /// count turned into records; one that has recorded a migration this scorebook does not know is refused. On
    /// PostgreSQL, where several machines may open one database at once, migrating holds an advisory lock; on a Citus
    /// coordinator the migrated schema is then distributed (`CitusLayout`).
    public func migrate(_ database: Database) throws {
        let identifiers = migrations.map(\.identifier)
        guard Set(identifiers).count == identifiers.count else {
            throw StoreError(message: "two migrations share an identifier", context: "migrating \(database.path)")
        }
        guard database.engine == .postgres else {
            try Self.adoptUserVersion(database)
            return try apply(database, identifiers: identifiers)
        }
        try database.execute("SELECT pg_advisory_lock(\(Self.postgresLockKey))")
        defer { try? database.execute("SELECT pg_advisory_unlock(\(Self.postgresLockKey))") }
        try database.execute(
            """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                identifier text PRIMARY KEY, applied_at text, position bigint GENERATED ALWAYS AS IDENTITY)
            """)
        try apply(database, identifiers: identifiers)
        try CitusLayout.distribute(database)
    }

    /// The advisory lock key migrations hold on PostgreSQL (any fixed number no other lock of Scorebook uses).
    static let postgresLockKey: Int64 = 0x5C0_4EB0_0C00

    private func apply(_ database: Database, identifiers: [String]) throws {
        let applied = try database.appliedMigrations
        let unknown = applied.filter { !identifiers.contains($0) }
        guard unknown.isEmpty else {
            throw StoreError(
                message: "applied migrations this scorebook does not know: \(unknown.joined(separator: ", "))",
                context: "opening \(database.path); upgrade scorebook")
        }
        for migration in migrations where !applied.contains(migration.identifier) {
            try database.transaction {
                try database.execute(migration.sql)
                try database.cachedStatement("INSERT INTO schema_migrations (identifier, applied_at) VALUES (?, ?)")
                    .run([.text(migration.identifier), .text(ScoreRunStore.now())])
            }
        }
    }
}
