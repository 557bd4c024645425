import Foundation

@testable import Store

/// A fresh database file in a temporary folder, removed with the folder when the test ends.
final class TemporaryDatabase {
    let folder: URL
    let path: String

    init() {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("scorebook-store-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        path = folder.appendingPathComponent("test.db").path
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    func open(migrator: Migrator = .standard) throws -> Database {
        let database = try Database(path: path, migrate: false)
        try migrator.migrate(database)
        return database
    }
}
