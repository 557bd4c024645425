extension DeferredIndexes {
    /// Runs `body` with the secondary indexes of `table` dropped, and on PostgreSQL its foreign keys too, then puts
    /// them back (and on PostgreSQL analyzes the table), all in the caller's transaction.
    ///
    /// A bulk import then writes its rows without a random index insert per row, and builds each index once by
    /// sorting. On PostgreSQL a foreign key checks and locks its account row for every row written (a tenth of an
    /// invoices import on M); added back, it checks the whole table in one join, and a row without its account fails
    /// the import there. DDL is transactional in both engines, so a rollback puts everything back as it was and nothing
    /// needs noting in `deferred_indexes`. SQLite's readers on other connections keep seeing the old indexes until the
    /// commit; PostgreSQL's wait for the commit to read the table, as for any schema change.
    public func withoutSecondaryIndexesOrForeignKeys<T>(of table: CanonicalTable, _ body: () throws -> T) throws -> T {
        let indexes = try secondaryIndexes(of: table)
        let foreignKeys = try self.foreignKeys(of: table)
        for index in indexes {
            try database.execute("DROP INDEX \"\(index.name)\"")
        }
        for key in foreignKeys {
            try database.execute(key.drop)
        }
        let result = try body()
        for key in foreignKeys {
            try database.execute(key.add)
        }
        for index in indexes {
            try database.execute(index.sql)
        }
        // The planner's statistics still describe the table as it was; the next command's plans (a nested loop
        // over what is now a million rows) would be chosen on them until autovacuum came by. (Not on Citus, where an
        // ANALYZE after the transaction wrote a reference table's local copy is refused.)
        try database.refreshStatistics(of: [table])
        return result
    }

    /// A PostgreSQL table's foreign keys, by name with the statements that drop each and add it back; none on
    /// SQLite, whose keys are part of the table and cannot be dropped.
    func foreignKeys(of table: CanonicalTable) throws -> [(name: String, drop: String, add: String)] {
        guard database.engine == .postgres else { return [] }
        return try database.makeStatement(
            """
            SELECT c.conname, pg_get_constraintdef(c.oid) FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
            WHERE t.relnamespace = current_schema()::regnamespace AND t.relname = ? AND c.contype = 'f'
            ORDER BY c.conname
            """
        ).map([.text(table.rawValue)]) {
            let name = $0.text(0) ?? ""
            return (
                name, "ALTER TABLE \(table.rawValue) DROP CONSTRAINT \"\(name)\"",
                "ALTER TABLE \(table.rawValue) ADD CONSTRAINT \"\(name)\" \($0.text(1) ?? "")"
            )
        }
    }
}
