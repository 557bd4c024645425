import Store

/// Every index that is not a table's primary or unique key, as `name: definition`, by name, from the engine's
/// catalogue.
public func secondaryIndexCatalogue(_ database: Database) throws -> [String] {
    let sql =
        database.engine == .sqlite
        ? "SELECT name || ': ' || sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name"
        : "SELECT indexname || ': ' || indexdef FROM pg_indexes WHERE schemaname = current_schema()"
            + " AND indexname NOT LIKE '%_pkey' AND indexname NOT LIKE '%_key' ORDER BY indexname"
    return try database.makeStatement(sql).map { $0.text(0) ?? "" }
}

/// Every foreign key of the database's tables, with its definition (on SQLite, each table's `foreign_key_list`).
public func foreignKeyCatalogue(_ database: Database) throws -> [String] {
    let sql =
        database.engine == .sqlite
        ? """
        SELECT m.name || ' ' || f."from" || ' -> ' || f."table" FROM sqlite_master m, pragma_foreign_key_list(m.name) f
        WHERE m.type = 'table' ORDER BY 1
        """
        : """
        SELECT t.relname || ' ' || pg_get_constraintdef(c.oid)
        FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
        WHERE t.relnamespace = current_schema()::regnamespace AND c.contype = 'f' ORDER BY 1
        """
    return try database.makeStatement(sql).map { $0.text(0) ?? "" }
}
