import Testing

import TestSupport

@testable import Store

private func accountCount(_ database: Database) throws -> Int64 {
    try database.makeStatement("SELECT count(*) FROM accounts").map { $0.integer(0) }.first ?? -1
}

private func addAccount(_ database: Database, _ id: String) throws {
    try Upserter(database: database, table: .accounts)
        .upsert(source: "csv", externalID: id, values: CanonicalTable.accounts.columns.map { _ in .null }, raw: "{}")
}

@Test(arguments: Engine.allCases)
func snapshotReadersAllSeeTheStateOfTheMomentTheyBegan(engine: Engine) throws {
    let scratch = try TestDatabase(engine: engine)
    let database = try scratch.open()
    try addAccount(database, "a1")
    let readers = try database.snapshotReaders(2)
    // A writer commits after the readers began: neither sees it while it reads, and both see it afterwards.
    let writer = try scratch.open()
    try addAccount(writer, "a2")
    #expect(try readers.map(accountCount) == [1, 1])
    #expect(try accountCount(writer) == 2)
    for reader in readers { try reader.endReading() }
    #expect(try readers.map(accountCount) == [2, 2])
    #expect(!database.isInTransaction)
}

@Test func aWriterHoldingTheLockLeavesOneReaderThatDoesNotWaitForIt() throws {
    let scratch = try TestDatabase(engine: .sqlite)
    let database = try scratch.open()
    try addAccount(database, "a1")
    // An import's one long transaction: the lock is not free within the moment readers wait for it.
    let importer = try scratch.open()
    try importer.begin()
    try addAccount(importer, "a2")
    let readers = try database.snapshotReaders(2)
    #expect(readers.count == 1)
    #expect(try readers.map(accountCount) == [1])
    try importer.execute("COMMIT")
    #expect(try readers.map(accountCount) == [1])
    for reader in readers { try reader.endReading() }
    #expect(try readers.map(accountCount) == [2])
    #expect(try database.snapshotReaders(2).count == 2)
}
