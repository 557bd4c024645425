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
    /// Throws when a row of one of `tables` names a parent row that does not exist (SQLite's `foreign_key_check`):
    /// the check, once per table, of writes made without foreign key checks.
    ///
    /// PostgreSQL always checks, so there it does nothing.
    public func checkForeignKeys(in tables: [CanonicalTable]) throws {
        for table in tables { try checkForeignKeys(ofTable: table.rawValue) }
    }

    func checkForeignKeys(ofTable table: String) throws {
        guard engine == .sqlite else { return }
        // Each violation is a row: the table, the row id, the parent table, the key's number.
        let violations = try makeStatement("PRAGMA foreign_key_check(\(table))").map {
            (row: $0.integer(1), parent: $0.text(2) ?? "?")
        }
        guard let first = violations.first else { return }
        throw StoreError(
            message: "\(violations.count) rows of \(table) point to no row of \(first.parent) (the first: rowid "
                + "\(first.row))",
            context: "checking \(table)'s foreign keys")
    }
}
