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
