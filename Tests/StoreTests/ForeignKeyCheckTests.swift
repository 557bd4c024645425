import Foundation
import Store
import Testing

@Test
func rowsWrittenWithoutForeignKeyChecksArePassedOrRefusedByTheirTablesCheck() throws {
    let file = TemporaryDatabase(.sqlite)
    let database = try Database(path: file.path)
    let upserter = try Upserter(database: database, table: .accounts)
    try upserter.write(AccountRow(name: "A"), source: "file", externalID: "a", raw: Array("{}".utf8))
    let account = try #require(try AccountDirectory(database: database).rowIDsByExternalID()["a"])
    let invoices = try Upserter(database: database, table: .invoices)
    func invoice(_ id: String, account: Int64) throws {
        let row = InvoiceRow(
            accountID: account, issuedDate: "2025-01-01", dueDate: nil, paidDate: nil, amountDueCents: 100,
            amountPaidCents: 0, currency: "usd", status: "open", product: nil)
        try invoices.write(row, source: "file", externalID: id, raw: Array("{}".utf8))
    }
    try database.withoutForeignKeyChecks { try invoice("good", account: account) }
    try database.checkForeignKeys(in: [.accounts, .invoices, .payments])
    try database.withoutForeignKeyChecks {
        try invoice("orphan", account: account + 1000)
        try invoice("orphan 2", account: account + 1001)
    }
    let refused = #expect(throws: StoreError.self) { try database.checkForeignKeys(in: [.accounts, .invoices]) }
    #expect(refused?.message.hasPrefix("2 rows of invoices point to no row of accounts (the first: rowid ") == true)
    withExtendedLifetime(file) {}
}
