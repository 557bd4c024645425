import Foundation
import Store
import TestSupport

/// Runs the built `scorebook` binary in a scratch folder, as a user would from a shell.
final class ScorebookProcess {
    let folder: URL
    /// The engine `database(_:)` names databases on.
    let engine: Engine
    private var databases: [String: TestDatabase] = [:]

    init(engine: Engine = .sqlite) throws {
        self.engine = engine
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("scorebook-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// Everything the database called `name` holds, to search for what must never be stored: a file's bytes, or on
    /// PostgreSQL every row of every table of its schema as text.
    func storedText(_ name: String) throws -> String {
        guard engine == .postgres else {
            return String(
                decoding: (try? Data(contentsOf: folder.appendingPathComponent(name))) ?? Data(), as: UTF8.self)
        }
        let database = try Database(path: try self.database(name), migrate: false)
        let tables = try database.makeStatement(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name"
        ).map { $0.text(0) ?? "" }
        return try tables.map { table in
            try database.makeStatement("SELECT string_agg(t::text, E'\\n') FROM \"\(table)\" t").map {
                $0.text(0) ?? ""
            }
            .joined()
        }.joined(separator: "\n")
    }

    /// What `--db` takes for the database called `name`: a file in the folder, or on PostgreSQL a schema of its own
    /// on the test server (the same one each time the name is asked for, dropped with this value).
    func database(_ name: String) throws -> String {
        guard engine == .postgres else { return path(name) }
        if let database = databases[name] { return database.path }
        let database = try TestDatabase(engine: .postgres)
        databases[name] = database
        return database.path
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// The package's root folder.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// A fixture's path.
    static func fixture(_ path: String) -> String {
        packageRoot.appendingPathComponent("Tests/EndToEndTests/Fixtures").appendingPathComponent(path).path
    }

    /// The binary built beside the test bundle.
    static var binary: URL {
        get throws {
            let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            let candidates = [
                beside.appendingPathComponent("scorebook"),
                beside.deletingLastPathComponent().appendingPathComponent("scorebook"),
                packageRoot.appendingPathComponent(".build/debug/scorebook"),
            ]
            guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
                throw CocoaError(
                    .fileNoSuchFile, userInfo: [NSFilePathErrorKey: "scorebook binary beside \(beside.path)"])
            }
            return found
        }
    }

    struct Output {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// Runs `scorebook ARGUMENTS` in the scratch folder, with `input` as its standard input when given.
    @discardableResult
    func run(_ arguments: [String], environment: [String: String] = [:], input: String? = nil) throws -> Output {
        let process = Process()
        process.executableURL = try Self.binary
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "SCOREBOOK_DB")
        env.removeValue(forKey: "SCOREBOOK_CONFIG")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let inputPipe = input.map { _ in Pipe() }
        if let inputPipe { process.standardInput = inputPipe }
        try process.run()
        if let inputPipe, let input {
            inputPipe.fileHandleForWriting.write(Data(input.utf8))
            try inputPipe.fileHandleForWriting.close()
        }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// The path of a file in the scratch folder.
    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// Starts `scorebook sync` `rounds` times and SIGKILLs it after a random pause each time; `beforeRound` may
    /// change the source data between rounds (the crash-and-resume tests of issue 4).
    func killSyncAtRandomPoints(
        rounds: Int, arguments: [String], environment: [String: String], maxPause: Double,
        beforeRound: (Int) throws -> Void = { _ in }
    ) throws {
        var generator = SystemRandomNumberGenerator()
        for round in 0..<rounds {
            try beforeRound(round)
            let process = Process()
            process.executableURL = try Self.binary
            process.arguments = ["sync"] + arguments
            process.currentDirectoryURL = folder
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: Double.random(in: 0.05...maxPause, using: &generator))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }
}
