extension Database {
    /// Runs `body` with SQLite's foreign key checks off, for a writer that checks its rows' parents itself.
    ///
    /// They are on again afterwards. Inside a transaction, where SQLite cannot change the setting, and on PostgreSQL,
    /// it just runs `body`.
    ///
    /// A body that leaves a transaction open (one whose COMMIT and ROLLBACK failed, say) would leave the checks off
    /// for the rest of the connection, since SQLite ignores the setting inside a transaction: that transaction is
    /// rolled back, and this throws. A body's own error is rethrown as it was. When the checks cannot be turned on
    /// again even so, the connection is still inside a transaction SQLite could not end: a body that succeeded gets a
    /// StoreError saying so, and either way the connection should not be written through again.
    ///
    /// Each checked insert probes every parent row: for a run's 100k results on M (a run and an account each) that
    /// was 0.2 of the 0.7 s spent storing them.
    public func withoutForeignKeyChecks<T>(_ body: () throws -> T) throws -> T {
        guard engine == .sqlite, !isInTransaction else { return try body() }
        try execute("PRAGMA foreign_keys = OFF")
        let outcome = Result { try body() }
        let leftOpen = isInTransaction
        if leftOpen { rollback() }
        try? execute("PRAGMA foreign_keys = ON")
        let checked = (try? makeStatement("PRAGMA foreign_keys").map { $0.integer(0) }.first) == 1
        let value = try outcome.get()
        guard checked else {
            throw StoreError(
                message: "foreign key checks could not be turned on again", context: "ending unchecked writes")
        }
        if leftOpen {
            throw StoreError(
                message: "the writes left a transaction open; it was rolled back", context: "ending unchecked writes")
        }
        return value
    }
}

extension Database {
    /// Throws when a row of one of `tables` names a parent row that does not exist (what SQLite's
    /// `foreign_key_check` finds): the check, once per table, of writes made without foreign key checks.
    ///
    /// PostgreSQL always checks, so there it does nothing.
    public func checkForeignKeys(in tables: [CanonicalTable]) throws {
        for table in tables { try checkForeignKeys(ofTable: table.rawValue) }
    }

    func checkForeignKeys(ofTable table: String) throws {
        guard engine == .sqlite else { return }
        for key in try foreignKeys(of: table) {
            // One pass over the table against the parent's keys, gathered once: SQLite's own `foreign_key_check`
            // seeks the parent row by row, 4x the time on a synced invoices table (110 ms against 27 ms at 10k
            // accounts).
            let present = key.columns.map { "\"\($0.child)\" IS NOT NULL" }.joined(separator: " AND ")
            let parentKey = key.columns.map { "\"\($0.parent)\"" }.joined(separator: ", ")
            let parentPresent = key.columns.map { "\"\($0.parent)\" IS NOT NULL" }.joined(separator: " AND ")
            let childKey = key.columns.map { "\"\($0.child)\"" }.joined(separator: ", ")
            let orphans = try makeStatement(
                """
                SELECT count(*), min(rowid) FROM "\(table)" WHERE \(present)
                AND (\(childKey)) NOT IN (SELECT \(parentKey) FROM "\(key.parent)" WHERE \(parentPresent))
                """
            ).map { (count: $0.integer(0), first: $0.integer(1)) }.first
            guard let orphans, orphans.count > 0 else { continue }
            throw StoreError(
                message: "\(orphans.count) rows of \(table) point to no row of \(key.parent) (the first: rowid "
                    + "\(orphans.first))",
                context: "checking \(table)'s foreign keys")
        }
    }

    /// A SQLite table's foreign keys: each one's parent table and its columns paired with the parent's (the parent's
    /// primary key where the declaration names none).
    private func foreignKeys(of table: String) throws -> [(parent: String, columns: [(child: String, parent: String)])]
    {
        let rows = try makeStatement(
            "SELECT id, \"table\", \"from\", \"to\" FROM pragma_foreign_key_list(?) ORDER BY id, seq"
        )
        .map([.text(table)]) { (id: $0.integer(0), parent: $0.text(1) ?? "", child: $0.text(2) ?? "", to: $0.text(3)) }
        var keys: [(id: Int64, parent: String, columns: [(child: String, parent: String)])] = []
        for row in rows {
            if keys.last?.id != row.id { keys.append((row.id, row.parent, [])) }
            keys[keys.count - 1].columns.append((row.child, row.to ?? ""))
        }
        return try keys.map { key in
            guard key.columns.contains(where: { $0.parent.isEmpty }) else { return (key.parent, key.columns) }
            let primary = try makeStatement("SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk")
                .map([.text(key.parent)]) { $0.text(0) ?? "" }
            return (key.parent, zip(key.columns, primary).map { ($0.child, $1) })
        }
    }
}
