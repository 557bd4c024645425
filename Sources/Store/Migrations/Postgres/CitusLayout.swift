/// On a Citus coordinator, distributes the migrated schema: per-account tables by `account_id` (co-located, so an
/// account's records share a node), the rest as reference tables on every node (accounts with their natural keys,
/// runs, sync state and log, the migrations ledger), and the SQLite functions of migration 2 to every node, so
/// queries that call them run on the shards.
///
/// Not a migration: without the `citus` extension, or before migration `3-citus-ready` (the keys Citus requires), it
/// does nothing, and it runs on every migrating open, so a database whose server gains Citus later is distributed
/// then. What is already distributed is left alone; the rest is distributed in one transaction.
enum CitusLayout {
    /// The tables distributed by `account_id`: every canonical table but `accounts`, and the results.
    static let distributed = CanonicalTable.allCases.filter { $0 != .accounts }.map(\.rawValue) + ["score_results"]

    /// The tables copied to every node.
    static let reference = [
        "accounts", "imports", "score_runs", "trained_models", "sync_state", "sync_log", "action_log", "action_state",
        "deferred_indexes", "schema_migrations",
    ]

    /// Migration 2's functions, as `regprocedure` names them.
    static let functions = [
        "julianday(text)", "date(text,text)", "max(double precision,double precision)",
        "min(double precision,double precision)", "json_each(text)",
    ]

    /// Whether the database has the `citus` extension (PostgreSQL only).
    static func isInstalled(on database: Database) throws -> Bool {
        try database.makeStatement("SELECT count(*) FROM pg_extension WHERE extname = 'citus'").map { $0.integer(0) }
            == [1]
    }

    /// Distributes what is not yet distributed, when the server has Citus.
    static func distribute(_ database: Database) throws {
        let ready = try database.makeStatement(
            """
            SELECT count(*) FROM pg_extension WHERE extname = 'citus'
              AND EXISTS (SELECT 1 FROM schema_migrations WHERE identifier = '3-citus-ready')
            """
        ).map { $0.integer(0) }
        guard ready.first == 1 else { return }
        let distributeFunction = """
            SELECT create_distributed_function(?1::regprocedure)
            WHERE NOT EXISTS (SELECT 1 FROM pg_dist_object WHERE objid = to_regprocedure(?1))
            """
        let unless = "WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = to_regclass(?1) AND"
        let replicate = "SELECT create_reference_table(?1::regclass) \(unless) repmodel = 't')"
        let shard = "SELECT create_distributed_table(?1::regclass, 'account_id') \(unless) partmethod = 'h')"
        // A transaction that writes a reference table after a parallel multi-shard write of a table whose foreign key
        // points at it (a sync's upserts of accounts after moved records' deletions) is refused: one connection per
        // node instead, for this session.
        try database.execute("SET citus.multi_shard_modify_mode TO 'sequential'")
        try database.transaction {
            // Made a reference table, `accounts` would turn the tables whose foreign keys point at it into Citus local
            // tables, which cannot then be distributed (their identity columns): their keys go first, and come back.
            let keys = try database.makeStatement(
                """
                SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint
                WHERE contype = 'f' AND confrelid = to_regclass('accounts') AND conrelid <> confrelid
                  AND NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = conrelid)
                """
            ).map { (table: $0.text(0) ?? "", name: $0.text(1) ?? "", definition: $0.text(2) ?? "") }
            for key in keys { try database.execute("ALTER TABLE \(key.table) DROP CONSTRAINT \(key.name)") }
            for (sql, names) in [(distributeFunction, functions), (replicate, reference), (shard, distributed)] {
                for name in names { try database.makeStatement(sql).run([.text(name)]) }
            }
            for key in keys {
                try database.execute("ALTER TABLE \(key.table) ADD CONSTRAINT \(key.name) \(key.definition)")
            }
        }
    }
}
