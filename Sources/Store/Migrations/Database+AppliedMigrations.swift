extension Database {
    /// The identifiers of the migrations recorded as applied, in the order they were applied.
    public var appliedMigrations: [String] {
        get throws {
            try makeStatement(
                "SELECT identifier FROM schema_migrations ORDER BY " + (engine == .sqlite ? "rowid" : "position")
            ).map { $0.text(0) ?? "" }
        }
    }
}
