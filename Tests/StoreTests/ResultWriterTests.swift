import ScoreKit
import Testing

@testable import Store

private func foreignKeysOn(_ database: Database) throws -> Bool {
    try database.makeStatement("PRAGMA foreign_keys").map { $0.integer(0) }.first == 1
}

private struct Failure: Error {}

@Test func foreignKeyChecksAreOffOnlyForTheBodyAndOnAgainAfterAnErrorOrInsideATransaction() throws {
    let file = TemporaryDatabase(.sqlite)
    let database = try Database(path: file.path)
    #expect(try foreignKeysOn(database))
    #expect(try database.withoutForeignKeyChecks { try foreignKeysOn(database) } == false)
    #expect(try foreignKeysOn(database))
    #expect(throws: Failure.self) { try database.withoutForeignKeyChecks { throw Failure() } }
    #expect(try foreignKeysOn(database))
    // Inside a transaction SQLite cannot turn them off: the body runs with them on.
    let inside = try database.transaction { try database.withoutForeignKeyChecks { try foreignKeysOn(database) } }
    #expect(inside)
    // A body that leaves its transaction open (a COMMIT and a ROLLBACK that failed) has it rolled back: the checks
    // are on again, and nothing it wrote unchecked is kept.
    try database.execute("CREATE TABLE parents (id INTEGER PRIMARY KEY)")
    try database.execute("CREATE TABLE children (parent INTEGER REFERENCES parents (id))")
    let leftOpen = #expect(throws: StoreError.self) {
        try database.withoutForeignKeyChecks {
            try database.begin()
            try database.execute("INSERT INTO children VALUES (7)")
        }
    }
    #expect(leftOpen?.message == "the writes left a transaction open; it was rolled back")
    #expect(!database.isInTransaction)
    #expect(try foreignKeysOn(database))
    #expect(try database.makeStatement("SELECT count(*) FROM children").map { $0.integer(0) }.first == 0)
    // One that also fails has its own error passed on, and is rolled back all the same.
    #expect(throws: Failure.self) {
        try database.withoutForeignKeyChecks {
            try database.begin()
            try database.execute("INSERT INTO children VALUES (8)")
            throw Failure()
        }
    }
    #expect(!database.isInTransaction)
    #expect(try foreignKeysOn(database))
    #expect(try database.makeStatement("SELECT count(*) FROM children").map { $0.integer(0) }.first == 0)
    withExtendedLifetime(file) {}
}

@Test(arguments: Engine.allCases)
func aResultOfAnAccountThatDoesNotExistIsRefusedAsAForeignKeyWouldRefuseIt(engine: Engine) throws {
    let file = TemporaryDatabase(engine)
    let database = try Database(path: file.path)
    let upserter = try Upserter(database: database, table: .accounts)
    try upserter.write(AccountRow(name: "A"), source: "file", externalID: "a", raw: Array("{}".utf8))
    let account = try #require(try AccountDirectory(database: database).rowIDsByExternalID()["a"])
    let store = ScoreRunStore(database: database)
    try database.withoutForeignKeyChecks {
        try database.transaction {
            let run = try store.begin(
                scoreName: "rfm", module: "value", configHash: "h", configuration: "{}", asOf: "2025-01-01",
                kind: .current)
            let writer = try store.resultWriter(runID: run)
            try writer.add(accountRowID: account, position: 1, value: 1, band: "A", components: [], details: [])
            #expect(throws: StoreError.self) {
                try writer.add(
                    accountRowID: account + 1000, position: 2, value: 0, band: "B", components: [], details: [])
            }
            try writer.finish()
        }
    }
    let stored = try database.makeStatement("SELECT account_id FROM score_results").map { $0.integer(0) }
    #expect(stored == [account])
    withExtendedLifetime(file) {}
}
