import Foundation
import Generator
import Store
import TestSupport

@testable import Host

/// A temporary folder for files and a database on either engine, for tests that write files; removed when the test
/// ends.
final class Scratch {
    let folder: URL
    let store: TestDatabase
    let database: Database

    init(engine: Engine = .sqlite) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("scorebook-host-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        store = try TestDatabase(engine: engine)
        database = try store.open()
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// Writes a file into the folder and returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let path = folder.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Imports text as a file of the kind.
    @discardableResult
    func importText(_ kind: ImportKind, _ name: String, _ text: String) throws -> ImportSummary {
        try Importer(database: database).importFile(kind: kind, path: try write(name, text), displayName: name)
    }

    /// Rows per canonical table, to check that a failed import wrote nothing.
    func counts() throws -> [Int] {
        try CanonicalTable.allCases.map { try AccountDirectory(database: database).count($0) }
    }
}
