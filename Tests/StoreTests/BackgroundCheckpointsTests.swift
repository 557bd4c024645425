import Foundation
import Testing

@testable import Store

private func fileBytes(_ path: String) -> Int {
    ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
}

/// Commits `transactions` transactions of 500 new rows of 1,000 random bytes each, noting the WAL file's size after
/// each; returns the largest.
private func commitHalfMegabytes(_ database: Database, transactions: Int) throws -> Int {
    try database.execute("CREATE TABLE IF NOT EXISTS filler (bytes BLOB NOT NULL)")
    var largest = 0
    for _ in 0..<transactions {
        try database.transaction {
            try database.execute(
                """
                WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 500)
                INSERT INTO filler SELECT randomblob(1000) FROM n
                """)
        }
        largest = max(largest, fileBytes(database.path + "-wal"))
    }
    return largest
}

/// With checkpoints on another thread, the writer's commits still reach the file, and the WAL starts again once past
/// its limit instead of growing with everything written; afterwards SQLite's own interval is back.
@Test func checkpointsInTheBackgroundCopyCommitsBackAndKeepTheWALNearItsLimit() throws {
    let file = TemporaryDatabase(.sqlite)
    let database = try Database(path: file.path)
    try database.checkpointInBackground(restartBytes: 1 << 20)
    let largestWAL = try commitHalfMegabytes(database, transactions: 30)  // 15 MB written
    #expect(largestWAL < 4 << 20, "the WAL reached \(largestWAL) bytes")
    #expect(fileBytes(file.path) > 12_000_000, "the rows were copied back into the file")
    try database.checkpointAtDefault()
    #expect(try database.makeStatement("PRAGMA wal_autocheckpoint").map { $0.integer(0) } == [1_000])

    let reader = try Database(path: file.path, create: false, migrate: false)
    #expect(try reader.makeStatement("SELECT count(*) FROM filler").map { $0.integer(0) } == [15_000])
    #expect(try reader.makeStatement("PRAGMA integrity_check").map { $0.text(0) } == ["ok"])
}

/// The same writes without SQLite's checkpoints and without these keep everything in the WAL: the limit above is
/// the background checkpoints' doing.
@Test func withoutCheckpointsTheWALHoldsEverythingWritten() throws {
    let file = TemporaryDatabase(.sqlite)
    let database = try Database(path: file.path)
    try database.execute("PRAGMA wal_autocheckpoint = 0")
    let largestWAL = try commitHalfMegabytes(database, transactions: 30)
    #expect(largestWAL > 12_000_000)
}

/// A database closed with checkpoints still in the background stops them first, and what it committed is kept.
@Test func aDatabaseClosedWhileCheckpointingInTheBackgroundKeepsItsCommits() throws {
    let file = TemporaryDatabase(.sqlite)
    do {
        let database = try Database(path: file.path)
        try database.checkpointInBackground(restartBytes: 1 << 20)
        _ = try commitHalfMegabytes(database, transactions: 4)
    }
    let reader = try Database(path: file.path, create: false, migrate: false)
    #expect(try reader.makeStatement("SELECT count(*) FROM filler").map { $0.integer(0) } == [2_000])
}

/// On PostgreSQL the server checkpoints: asking for it here changes nothing, and commits go on as before.
@Test func checkpointingInTheBackgroundOnPostgreSQLLeavesCommitsAsTheyWere() throws {
    let server = TemporaryDatabase(.postgres)
    let database = try Database(path: server.path)
    try database.checkpointInBackground(restartBytes: 1 << 20)
    try database.transaction { try database.execute("CREATE TABLE filler (bytes TEXT NOT NULL)") }
    try database.transaction { try database.execute("INSERT INTO filler VALUES ('kept')") }
    try database.checkpointAtDefault()
    #expect(try database.makeStatement("SELECT count(*) FROM filler").map { $0.integer(0) } == [1])
}
