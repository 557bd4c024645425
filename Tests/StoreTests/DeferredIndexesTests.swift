import Testing

@testable import Store

private func indexes(_ database: Database) throws -> [String] {
    try database.makeStatement("SELECT name || ': ' || sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name")
        .map { $0.text(0) ?? "" }
}

@Test func indexesSetAsideAreBuiltAgainAsTheyWere() throws {
    let file = TemporaryDatabase()
    let database = try Database(path: file.path)
    let before = try indexes(database)
    try DeferredIndexes(database: database).setAside([.invoices, .payments])
    let aside = try indexes(database)
    #expect(!aside.contains { $0.hasPrefix("invoices_paid_by_account:") } && !aside.contains { $0.hasPrefix("payments_by_account:") })
    #expect(aside.contains { $0.hasPrefix("accounts_by_external_id:") })
    #expect(try DeferredIndexes(database: database).pending() == before.count - aside.count)
    // The unique keys upserts rely on stay.
    let unique = try database.makeStatement("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_autoindex_invoices_1'")
        .map { $0.integer(0) }.first
    #expect(unique == 1)
    #expect(try DeferredIndexes(database: database).restore() == before.count - aside.count)
    #expect(try indexes(database) == before)
    #expect(try DeferredIndexes(database: database).pending() == 0)
}
