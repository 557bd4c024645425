import Testing

@testable import Store

private func indexes(_ database: Database) throws -> [String] {
    try database.makeStatement(
        "SELECT name || ': ' || sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name"
    ).map { $0.text(0) ?? "" }
}

private struct Abandoned: Error {}

@Test func indexesDroppedForABulkWriteAreBuiltAgainInTheSameTransaction() throws {
    let file = TemporaryDatabase()
    let database = try Database(path: file.path)
    let before = try indexes(database)
    let during = try database.transaction {
        try DeferredIndexes(database: database).withoutSecondaryIndexes(of: .invoices) { try indexes(database) }
    }
    #expect(!during.contains { $0.hasPrefix("invoices_paid_by_account:") })
    #expect(during.contains { $0.hasPrefix("accounts_by_external_id:") })
    #expect(try indexes(database) == before)
    #expect(try DeferredIndexes(database: database).pending() == 0, "nothing is noted: a rollback restores them")
}

@Test func aBulkWriteThatFailsLeavesTheIndexesAsTheyWere() throws {
    let file = TemporaryDatabase()
    let database = try Database(path: file.path)
    let before = try indexes(database)
    #expect(throws: Abandoned.self) {
        try database.transaction {
            try DeferredIndexes(database: database).withoutSecondaryIndexes(of: .invoices) { throw Abandoned() }
        }
    }
    #expect(try indexes(database) == before)
}
