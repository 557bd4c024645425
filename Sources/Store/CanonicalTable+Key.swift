extension CanonicalTable {
    /// The unique key an upsert finds a record's row by: `(source, external_id)`, and on PostgreSQL the account too
    /// for a table of per-account records (migration `3-citus-ready`), so the key holds Citus's distribution column.
    func key(on engine: Engine) -> [String] {
        engine == .postgres && self != .accounts ? ["source", "external_id", "account_id"] : ["source", "external_id"]
    }

    /// The columns an upsert sets when the record's row exists: the mapped ones and `raw`, less the key.
    func updatedColumns(on engine: Engine) -> [String] {
        (columns + ["raw"]).filter { !key(on: engine).contains($0) }
    }

    /// On PostgreSQL, deletes the rows of records that moved to another account at their source.
    ///
    /// `incoming` is a `VALUES` list, a staging table or a named query with `source`, `external_id` and `account_id`;
    /// its rows under any other account go, which the account in the key would otherwise keep as a second row. Nil
    /// for `accounts` and on SQLite, whose key is the record's alone.
    func movedRowsDeletion(on engine: Engine, incoming: String) -> String? {
        guard key(on: engine).contains("account_id") else { return nil }
        return """
            DELETE FROM \(rawValue) USING \(incoming)
            WHERE \(rawValue).source = incoming.source AND \(rawValue).external_id = incoming.external_id
              AND \(rawValue).account_id <> incoming.account_id
            """
    }
}
