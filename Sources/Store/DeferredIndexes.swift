import Foundation

/// Secondary indexes set aside while a sync lists tables in bulk, and put back afterwards.
///
/// Every secondary index of a table gets a random insert per row written; a first sync of half a million Stripe
/// records spent a third of its time in them. Building an index once from a full table is a sort, seconds at 100k
/// accounts. Unique keys stay (upserts need them). Each index's SQL is noted in `deferred_indexes` in the same
/// transaction that drops it, so one set aside by a sync that then crashed is put back by the next command that opens
/// the database (see `restore`). Scores that run meanwhile stay correct, only slower.
public struct DeferredIndexes {
    let database: Database

    /// Works on `database`.
    public init(database: Database) { self.database = database }

    /// Drops the secondary indexes of `tables`, and on PostgreSQL their foreign keys, noting how to build each again;
    /// on SQLite it notes a check of each table's foreign keys.
    ///
    /// A foreign key there checks and locks its account row by a query per row written: 18 µs of a 25 µs merged row
    /// on a Stripe sync. Added back, it checks the whole table in one join. Accounts are never deleted, and a sync
    /// files rows only under accounts it has read, so the check passes.
    public func setAside(_ tables: [CanonicalTable]) throws {
        try database.transaction {
            for table in tables {
                for index in try secondaryIndexes(of: table) {
                    try note(index.name, of: table, sql: index.sql)
                    try database.execute("DROP INDEX \"\(index.name)\"")
                }
                for key in try foreignKeys(of: table) {
                    try note(key.name, of: table, sql: key.add)
                    try database.execute(key.drop)
                }
                // SQLite's keys cannot be dropped: a listing writes with their checks off instead
                // (`Database.withoutForeignKeyChecks`), and the table is checked once here on `restore`, however the
                // listing ended.
                if database.engine == .sqlite, try hasForeignKeys(table) {
                    try note(table.rawValue + Self.foreignKeyCheckSuffix, of: table, sql: Self.foreignKeyCheck)
                }
            }
        }
    }

    /// What a noted foreign key check of a SQLite table is called after the table, and its SQL.
    static let foreignKeyCheckSuffix = "_foreign_key_check"
    static let foreignKeyCheck = "PRAGMA foreign_key_check"

    private func hasForeignKeys(_ table: CanonicalTable) throws -> Bool {
        try !database.makeStatement("PRAGMA foreign_key_list(\(table.rawValue))").map { _ in true }.isEmpty
    }

    private func note(_ name: String, of table: CanonicalTable, sql: String) throws {
        try database.cachedStatement(
            """
            INSERT INTO deferred_indexes (name, table_name, sql) VALUES (?, ?, ?)
            ON CONFLICT (name) DO UPDATE SET table_name = excluded.table_name, sql = excluded.sql
            """
        ).run([.text(name), .text(table.rawValue), .text(sql)])
    }

    /// The secondary indexes of a table (not its unique keys), by name with the SQL that builds each.
    func secondaryIndexes(of table: CanonicalTable) throws -> [(name: String, sql: String)] {
        let catalogue =
            database.engine == .sqlite
            ? "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL"
                + " AND sql NOT LIKE 'CREATE UNIQUE%'"
                // pg_get_indexdef only on this schema's rows: filtering pg_indexes by its text made the server read the
                // definitions of every schema's indexes, and one another session was dropping failed the query.
            : """
            SELECT c.relname, pg_get_indexdef(c.oid) FROM pg_index x
            JOIN pg_class c ON c.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
            WHERE t.relnamespace = current_schema()::regnamespace AND t.relname = ? AND NOT x.indisunique
            """
        return try database.makeStatement(catalogue).map([.text(table.rawValue)]) {
            (name: $0.text(0) ?? "", sql: $0.text(1) ?? "")
        }.filter { !$0.name.isEmpty }
    }

    /// How many indexes are set aside.
    public func pending() throws -> Int {
        Int(try database.makeStatement("SELECT count(*) FROM deferred_indexes").map { $0.integer(0) }.first ?? 0)
    }

    /// Builds every index set aside again, and on SQLite checks the foreign keys of the tables noted, forgetting each;
    /// returns how many were built or checked.
    ///
    /// A row whose parent is missing fails it, and everything stays noted.
    ///
    /// The builds sort on two threads in runs of a few MiB merged through temporary files, so memory stays bounded
    /// however big the tables are. Small runs sort faster too (they stay in the processor's caches): the three indexes
    /// of a synced M (1.1M invoices, 1.2M payments) took 1.7 s to build with a 2 MiB cache, 3.3 s with 32 MiB and
    /// 4.7 s with 128 MiB (sqlite3 shell). SQLite makes each run at least 250 pages whatever the cache.
    @discardableResult
    public func restore() throws -> Int {
        guard try pending() > 0 else { return 0 }
        if database.engine == .sqlite {
            try database.execute("PRAGMA temp_store = FILE")
            try database.execute("PRAGMA threads = 2")
            try database.execute("PRAGMA cache_size = -2048")  // the sort's memory too
        }
        defer {
            if database.engine == .sqlite {
                try? database.execute("PRAGMA cache_size = -\(Database.cacheKibibytes)")
                try? database.execute("PRAGMA threads = 0")
                try? database.execute("PRAGMA temp_store = MEMORY")
            }
        }
        let built = try database.transaction {
            // The checks after the builds: a table's check then reads an index holding its key, not the whole table
            // (0.75 s against 0.2 s for 1.1M synced invoices, their raw JSON and all).
            let indexes = try database.makeStatement(
                "SELECT name, table_name, sql FROM deferred_indexes ORDER BY sql = ?, name"
            ).map([.text(Self.foreignKeyCheck)]) {
                (name: $0.text(0) ?? "", table: $0.text(1) ?? "", sql: $0.text(2) ?? "")
            }
            for index in indexes {
                if index.sql == Self.foreignKeyCheck {
                    try database.checkForeignKeys(ofTable: index.table)
                } else {
                    try database.execute(
                        index.sql.replacingOccurrences(of: "CREATE INDEX ", with: "CREATE INDEX IF NOT EXISTS "))
                }
                try database.cachedStatement("DELETE FROM deferred_indexes WHERE name = ?").run([.text(index.name)])
            }
            return indexes
        }
        // The tables were written in bulk: a score run right after the sync is planned on what they hold now.
        try database.refreshStatistics(of: Set(built.map(\.table)).sorted().compactMap(CanonicalTable.init(rawValue:)))
        return built.count
    }
}
