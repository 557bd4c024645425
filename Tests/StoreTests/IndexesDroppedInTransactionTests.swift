import Testing

@testable import Store

private func indexes(_ database: Database) throws -> [String] {
    try secondaryIndexCatalogue(database)
}

private struct Abandoned: Error {}

@Test(arguments: Engine.allCases) func indexesDroppedForABulkWriteAreBuiltAgainInTheSameTransaction(engine: Engine)
    throws
{
    let file = TemporaryDatabase(engine)
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

@Test(arguments: Engine.allCases) func aBulkWriteThatFailsLeavesTheIndexesAsTheyWere(engine: Engine) throws {
    let file = TemporaryDatabase(engine)
    let database = try Database(path: file.path)
    let before = try indexes(database)
    #expect(throws: Abandoned.self) {
        try database.transaction {
            try DeferredIndexes(database: database).withoutSecondaryIndexes(of: .invoices) { throw Abandoned() }
        }
    }
    #expect(try indexes(database) == before)
}
