import Foundation
import Store

/// A throwaway database for one test on either engine: an SQLite file in a folder of its own, or a schema of its own
/// on the test PostgreSQL server (`scripts/postgres`, started on first use unless `SCOREBOOK_TEST_POSTGRES` names a
/// server), dropped with everything in it when the value is released.
public final class TestDatabase: @unchecked Sendable {
    /// The engine the database is on.
    public let engine: Engine
    /// What `--db` takes: the file's path, or the server's URI with the schema as the search path.
    public let path: String
    private let folder: URL?
    private let schema: String?

    /// A new, empty database (not yet migrated) on `engine`.
    public init(engine: Engine = .sqlite) throws {
        self.engine = engine
        let name = "t" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        guard engine == .postgres else {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scorebook-\(name)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            self.folder = folder
            schema = nil
            path = folder.appendingPathComponent("test.db").path
            return
        }
        let server = try Self.server()
        try Database(path: server, migrate: false).execute("CREATE SCHEMA \(name)")
        folder = nil
        schema = name
        path = server + "?options=-csearch_path%3D\(name)"
    }

    deinit {
        if let folder { try? FileManager.default.removeItem(at: folder) }
        if let schema, let server = try? Self.server() {
            try? Database(path: server, migrate: false).execute("DROP SCHEMA \(schema) CASCADE")
        }
    }

    /// Opens the database, migrated unless asked otherwise.
    public func open(migrate: Bool = true) throws -> Database {
        try Database(path: path, migrate: migrate)
    }

    /// The test server's URI (its default schema); the first call starts it.
    public static func server() throws -> String {
        try serverLock.withLock {
            if let serverURI { return serverURI }
            let uri = try ProcessInfo.processInfo.environment["SCOREBOOK_TEST_POSTGRES"] ?? startServer()
            serverURI = uri
            return uri
        }
    }

    private static let serverLock = NSLock()
    nonisolated(unsafe) private static var serverURI: String?

    private static func startServer() throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let process = Process()
        process.executableURL = root.appendingPathComponent("scripts/postgres")
        // Its line goes to a file, read once the script has exited: a pipe's end of file waits for every holder of
        // the pipe, and a process another test spawns meanwhile (a Sandbox, the server itself) could hold it for good.
        let outputPath = FileManager.default.temporaryDirectory
            .appendingPathComponent("scorebook-postgres-uri-\(ProcessInfo.processInfo.processIdentifier)").path
        guard FileManager.default.createFile(atPath: outputPath, contents: nil),
            let output = FileHandle(forWritingAtPath: outputPath)
        else {
            throw StoreError(
                engine: .postgres, message: "cannot write \(outputPath)", context: "starting the test server")
        }
        defer { try? FileManager.default.removeItem(atPath: outputPath) }
        process.standardOutput = output
        try process.run()
        process.waitUntilExit()
        try output.close()
        let data = FileManager.default.contents(atPath: outputPath) ?? Data()
        let uri = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard process.terminationStatus == 0, uri.hasPrefix("postgresql://") else {
            throw StoreError(engine: .postgres, message: "scripts/postgres failed", context: "starting the test server")
        }
        return uri
    }
}
