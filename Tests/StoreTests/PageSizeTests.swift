import CSQLite
import Testing

@testable import Store

/// The page size a connection reads its file with, and the checkpoint interval in pages it set.
private func pageSizeAndCheckpointPages(_ database: Database) throws -> [Int64] {
    try ["page_size", "wal_autocheckpoint"].map { pragma in
        try database.makeStatement("PRAGMA \(pragma)").map { $0.integer(0) }.first ?? 0
    }
}

@Test func aNewFileGetsLargePagesAndTheCheckpointIntervalIsCountedInBytes() throws {
    let file = TemporaryDatabase(.sqlite)
    let database = try Database(path: file.path)
    try database.checkpointEvery(bytes: 16 << 20)
    #expect(
        try pageSizeAndCheckpointPages(database) == [Int64(Database.pageBytes), Int64(16 << 20 / Database.pageBytes)])
    try database.checkpointAtDefault()
    #expect(try pageSizeAndCheckpointPages(database)[1] == 1_000)
}

@Test func aFileMadeWithSQLitesDefaultPagesKeepsThemAndItsData() throws {
    let file = TemporaryDatabase(.sqlite)
    var handle: OpaquePointer?
    #expect(sqlite3_open(file.path, &handle) == SQLITE_OK)
    #expect(
        sqlite3_exec(
            handle, "PRAGMA page_size = 4096; CREATE TABLE kept (a); INSERT INTO kept VALUES (7)", nil, nil, nil)
            == SQLITE_OK)
    sqlite3_close(handle)
    let database = try Database(path: file.path)
    try database.checkpointEvery(bytes: 16 << 20)
    #expect(try pageSizeAndCheckpointPages(database) == [4_096, 4_096])
    #expect(try database.makeStatement("SELECT a FROM kept").map { $0.integer(0) } == [7])
    withExtendedLifetime(file) {}
}
