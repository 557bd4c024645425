extension Database {
    /// Runs `body` with SQLite's foreign key checks off, for a writer that checks its rows' parents itself.
    ///
    /// They are on again afterwards. Inside a transaction, where SQLite cannot change the setting, and on PostgreSQL,
    /// it just runs `body`.
    ///
    /// Each checked insert probes every parent row: for a run's 100k results on M (a run and an account each) that
    /// was 0.2 of the 0.7 s spent storing them.
    public func withoutForeignKeyChecks<T>(_ body: () throws -> T) throws -> T {
        guard engine == .sqlite, !isInTransaction else { return try body() }
        try execute("PRAGMA foreign_keys = OFF")
        defer { try? execute("PRAGMA foreign_keys = ON") }
        return try body()
    }
}
