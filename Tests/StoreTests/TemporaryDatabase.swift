import Foundation
import TestSupport

@testable import Store

/// A database in a temporary place on either engine, removed when released.
final class TemporaryDatabase {
    let store: TestDatabase
    var path: String { store.path }
    var engine: Engine { store.engine }

    init(_ engine: Engine = .sqlite) {
        do {
            store = try TestDatabase(engine: engine)
        } catch {
            fatalError("no \(engine.displayName) database for the test: \(error)")
        }
    }

    /// Opens the database without migrating it, then applies `migrator` (the engine's schema unless given).
    func open(migrator: Migrator? = nil) throws -> Database {
        let database = try Database(path: path, migrate: false)
        try (migrator ?? Migrator.schema(of: engine)).migrate(database)
        return database
    }
}

/// Every index that is not a table's primary or unique key, as `name: definition`, by name, from the engine's
/// catalogue.
func secondaryIndexCatalogue(_ database: Database) throws -> [String] {
    let sql =
        database.engine == .sqlite
        ? "SELECT name || ': ' || sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name"
        : "SELECT indexname || ': ' || indexdef FROM pg_indexes WHERE schemaname = current_schema()"
            + " AND indexname NOT LIKE '%_pkey' AND indexname NOT LIKE '%_key' ORDER BY indexname"
    return try database.makeStatement(sql).map { $0.text(0) ?? "" }
}
