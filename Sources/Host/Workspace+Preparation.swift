import Foundation
import Store

/// A database made ready by `scorebook init`: where it is and the migrations it has.
public struct PreparedDatabase: Sendable {
    /// The file's path, or the server's URI with any password masked.
    public let location: String
    /// The identifiers of the migrations applied, in order.
    public let migrations: [String]
}

extension Workspace {
    /// True when there is a database to read: a PostgreSQL URI (the server says), or an SQLite file that exists.
    public var hasDatabase: Bool {
        Engine(location: databasePath) == .postgres || FileManager.default.fileExists(atPath: databasePath)
    }

    /// Creates the database if it is missing and brings its schema up to date.
    public func prepareDatabase() throws -> PreparedDatabase {
        let database = try openDatabase(create: true)
        return PreparedDatabase(location: database.path, migrations: try database.appliedMigrations)
    }
}
