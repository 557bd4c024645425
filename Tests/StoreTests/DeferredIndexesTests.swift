import TestSupport
import Testing

@testable import Store

private func indexes(_ database: Database) throws -> [String] {
    try secondaryIndexCatalogue(database)
}

/// The foreign keys of invoices and payments, from the engine's catalogue.
private func foreignKeys(_ database: Database) throws -> [String] {
    try foreignKeyCatalogue(database).filter { $0.hasPrefix("invoices ") || $0.hasPrefix("payments ") }
}

@Test(arguments: Engine.allCases) func indexesSetAsideAreBuiltAgainAsTheyWere(engine: Engine) throws {
    let file = TemporaryDatabase(engine)
    let database = try Database(path: file.path)
    let before = try indexes(database)
    let keysBefore = try foreignKeys(database)
    #expect(keysBefore.count >= 2)
    try DeferredIndexes(database: database).setAside([.invoices, .payments])
    // SQLite's foreign keys are part of their tables and stay; PostgreSQL's are set aside.
    let keysKept = engine == .sqlite ? keysBefore.count : 0
    #expect(try foreignKeys(database).count == keysKept)
    // SQLite notes a check of each table's keys instead.
    let keysSetAside = engine == .sqlite ? 2 : keysBefore.count - keysKept
    let aside = try indexes(database)
    #expect(
        !aside.contains { $0.hasPrefix("invoices_paid_by_account:") }
            && !aside.contains { $0.hasPrefix("payments_by_account:") })
    #expect(aside.contains { $0.hasPrefix("accounts_by_external_id:") })
    #expect(try DeferredIndexes(database: database).pending() == before.count - aside.count + keysSetAside)
    // The unique keys upserts rely on stay.
    let catalogue =
        engine == .sqlite
        ? "SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_autoindex_invoices_1'"
        : "SELECT count(*) FROM pg_indexes WHERE schemaname = current_schema() AND indexname = 'invoices_key'"
    let unique = try database.makeStatement(catalogue).map { $0.integer(0) }.first
    #expect(unique == 1)
    let accounts = try Upserter(database: database, table: .accounts)
    try accounts.write(AccountRow(name: "A"), source: "file", externalID: "a", raw: Array("{}".utf8))
    let account = try #require(try AccountDirectory(database: database).rowIDsByExternalID()["a"])
    let invoice = InvoiceRow(
        accountID: account, issuedDate: "2025-01-01", dueDate: nil, paidDate: nil, amountDueCents: 100,
        amountPaidCents: 0, currency: "usd", status: "open", product: nil)
    try Upserter(database: database, table: .invoices).write(
        invoice, source: "file", externalID: "i", raw: Array(#"{"id":"i"}"#.utf8))
    #expect(try DeferredIndexes(database: database).restore() == before.count - aside.count + keysSetAside)
    if engine == .postgres {
        // The tables written in bulk are analyzed, every column but the raw JSON.
        let sampled = try database.makeStatement(
            "SELECT attname FROM pg_stats WHERE schemaname = current_schema() AND tablename = 'invoices'"
        ).map { $0.text(0) ?? "" }
        #expect(sampled.contains("account_id") && sampled.contains("status") && !sampled.contains("raw"))
    }
    #expect(try indexes(database) == before)
    #expect(try foreignKeys(database) == keysBefore)
    #expect(try DeferredIndexes(database: database).pending() == 0)
}
