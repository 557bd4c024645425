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
