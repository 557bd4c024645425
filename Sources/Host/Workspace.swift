import Foundation
import Connectors
import Store

/// Where a command works: the database file and the configuration file, from options, the environment or defaults.
public struct Workspace: Sendable {
    /// The database: a file's path or a `postgresql://` URI (`--db`, `SCOREBOOK_DB`, or `scorebook.db`).
    public let databasePath: String
    /// The configuration path (`--config`, `SCOREBOOK_CONFIG`, or `config/scorebook.yml`).
    public let configurationPath: String

    /// The default database file.
    public static let defaultDatabase = "scorebook.db"
    /// The default configuration file.
    public static let defaultConfiguration = "config/scorebook.yml"

    /// Resolves the paths: an explicit value wins, then the environment, then the default.
    public init(
        database: String?, configuration: String?, environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        databasePath = database ?? environment["SCOREBOOK_DB"] ?? Self.defaultDatabase
        configurationPath = configuration ?? environment["SCOREBOOK_CONFIG"] ?? Self.defaultConfiguration
    }

    /// Opens the database, creating and migrating it when `create` is true; otherwise it must exist.
    public func openDatabase(create: Bool = false) throws -> Database {
        if !create && Engine(location: databasePath) == .sqlite && !FileManager.default.fileExists(atPath: databasePath)
        {
            throw StoreError(
                code: 14, message: "no database at \(databasePath)",
                context: "opening it; run `scorebook init` or pass --db")
        }
        let database = try Database(path: databasePath, create: create)
        try restoreIndexesLeftAside(database)
        return database
    }

    /// Builds the indexes a crashed sync set aside, unless a sync is running now (it will put them back itself).
    private func restoreIndexesLeftAside(_ database: Database) throws {
        let indexes = DeferredIndexes(database: database)
        guard try indexes.pending() > 0, let lock = try? ProcessLock.sync(database: database) else { return }
        _ = try withExtendedLifetime(lock) { try indexes.restore() }
    }

    /// Loads and checks the configuration.
    public func loadConfiguration() throws -> ScorebookConfiguration {
        try ScorebookConfiguration.load(path: configurationPath)
    }
}
