import Foundation
import Store
import Testing

/// A database at `file` with one account "a", its row id, and a writer of open invoices by id under any account row.
private func accountWithInvoices(in file: TemporaryDatabase) throws -> (
    Database, Int64, (_ id: String, _ account: Int64) throws -> Void
) {
    let database = try Database(path: file.path)
    try Upserter(database: database, table: .accounts).write(
        AccountRow(name: "A"), source: "file", externalID: "a", raw: Array("{}".utf8))
    let account = try #require(try AccountDirectory(database: database).rowIDsByExternalID()["a"])
    let invoices = try Upserter(database: database, table: .invoices)
    return (
        database, account,
        { id, account in
            let row = InvoiceRow(
                accountID: account, issuedDate: "2025-01-01", dueDate: nil, paidDate: nil, amountDueCents: 100,
                amountPaidCents: 0, currency: "usd", status: "open", product: nil)
            try invoices.write(row, source: "file", externalID: id, raw: Array("{}".utf8))
        }
    )
}

@Test
func rowsWrittenWithoutForeignKeyChecksArePassedOrRefusedByTheirTablesCheck() throws {
    let file = TemporaryDatabase(.sqlite)
    let (database, account, invoice) = try accountWithInvoices(in: file)
    try database.withoutForeignKeyChecks { try invoice("good", account) }
    try database.checkForeignKeys(in: [.accounts, .invoices, .payments])
    try database.withoutForeignKeyChecks {
        try invoice("orphan", account + 1000)
        try invoice("orphan 2", account + 1001)
    }
    let refused = #expect(throws: StoreError.self) { try database.checkForeignKeys(in: [.accounts, .invoices]) }
    #expect(refused?.message.hasPrefix("2 rows of invoices point to no row of accounts (the first: rowid ") == true)
    withExtendedLifetime(file) {}
}

@Test
func aTableSetAsideWithRowsWrittenUncheckedIsCheckedWhenItsIndexesArePutBack() throws {
    let file = TemporaryDatabase(.sqlite)
    let database = try Database(path: file.path)
    let upserter = try Upserter(database: database, table: .accounts)
    try upserter.write(AccountRow(name: "A"), source: "file", externalID: "a", raw: Array("{}".utf8))
    let account = try #require(try AccountDirectory(database: database).rowIDsByExternalID()["a"])
    let indexes = DeferredIndexes(database: database)
    try indexes.setAside([.accounts, .payments])
    let noted = try indexes.pending()
    let payment = PaymentRow(
        accountID: account + 1000, invoiceExternalID: nil, createdDate: "2025-01-01", amountCents: 100,
        currency: "usd", status: "succeeded", failureCode: nil, disputed: false, refundedCents: 0)
    _ = try database.withoutForeignKeyChecks {
        try Upserter(database: database, table: .payments).write(
            payment, source: "file", externalID: "orphan", raw: Array("{}".utf8))
    }
    // The orphan fails the restore, as re-adding the key fails it on PostgreSQL, and everything stays noted.
    let refused = #expect(throws: StoreError.self) { try indexes.restore() }
    #expect(refused?.message.hasPrefix("1 rows of payments point to no row of accounts") == true)
    #expect(try indexes.pending() == noted)
    try database.execute("DELETE FROM payments")
    #expect(try indexes.restore() == noted)
    #expect(try indexes.pending() == 0)
    withExtendedLifetime(file) {}
}

@Test
func theForeignKeyCheckFindsTheRowsSQLitesOwnCheckFinds() throws {
    let file = TemporaryDatabase(.sqlite)
    let (database, account, invoice) = try accountWithInvoices(in: file)
    let accounts = try Upserter(database: database, table: .accounts)
    func sqlitesOwnCount(_ table: String) throws -> Int {
        try database.makeStatement("PRAGMA foreign_key_check(\(table))").map { _ in 1 }.count
    }
    try database.withoutForeignKeyChecks {
        for number in 0..<50 { try invoice("good \(number)", account) }
        for number in 0..<3 { try invoice("orphan \(number)", account + 7 + Int64(number)) }
        // accounts.canonical_id may be null (no finding) or name an account that is not there (one).
        try accounts.write(AccountRow(name: "B"), source: "file", externalID: "b", raw: Array("{}".utf8))
        try database.execute("UPDATE accounts SET canonical_id = id WHERE external_id = 'a'")
        try database.execute("UPDATE accounts SET canonical_id = 9999 WHERE external_id = 'b'")
    }
    #expect(try sqlitesOwnCount("invoices") == 3)
    #expect(try sqlitesOwnCount("accounts") == 1)
    let invoicesRefused = #expect(throws: StoreError.self) { try database.checkForeignKeys(in: [.invoices]) }
    #expect(invoicesRefused?.message.hasPrefix("3 rows of invoices point to no row of accounts") == true)
    let accountsRefused = #expect(throws: StoreError.self) { try database.checkForeignKeys(in: [.accounts]) }
    #expect(accountsRefused?.message.hasPrefix("1 rows of accounts point to no row of accounts") == true)
    try database.execute("DELETE FROM invoices WHERE external_id LIKE 'orphan%'")
    try database.execute("UPDATE accounts SET canonical_id = NULL WHERE external_id = 'b'")
    #expect(try sqlitesOwnCount("invoices") == 0 && sqlitesOwnCount("accounts") == 0)
    try database.checkForeignKeys(in: [.accounts, .invoices])
    withExtendedLifetime(file) {}
}
