import Foundation
import Generator
import Store
import TestSupport
import Testing

@testable import Host

private let accounts = """
    account_id,name,domain,industry,employees,country,created_date,tier
    acme,Acme Corp,acme.example,software,120,NL,2023-01-05,gold
    beta,"Beta, LLC",beta.example,retail,40,US,2023-06-01,silver
    """

private let invoices = """
    invoice_id,account_id,issued_date,due_date,paid_date,amount_due_cents,status
    inv-1,acme,2024-11-01,2024-12-01,2024-11-10,50000,paid
    inv-2,acme,2024-12-01,2024-12-31,,50000,open
    inv-3,beta,2024-12-05,2025-01-04,2024-12-20,9900,paid
    """

@Test(arguments: Engine.allCases) func importingTheSameFileTwiceChangesNothing(engine: Engine) throws {
    let scratch = try Scratch(engine: engine)
    #expect(
        try scratch.importText(.accounts, "accounts.csv", accounts)
            == ImportSummary(kind: .accounts, rowsRead: 2, rowsWritten: 2))
    #expect(try scratch.importText(.invoices, "invoices.csv", invoices).rowsWritten == 3)
    let before = try scratch.counts()
    #expect(try scratch.importText(.accounts, "accounts.csv", accounts).rowsWritten == 0)
    #expect(try scratch.importText(.invoices, "invoices.csv", invoices).rowsWritten == 0)
    #expect(try scratch.counts() == before)
}

@Test(arguments: Engine.allCases) func extraColumnsAreKeptInTheRawJSONAndMappedOnesOnlyInTheirColumns(engine: Engine)
    throws
{
    let scratch = try Scratch(engine: engine)
    try scratch.importText(.accounts, "accounts.csv", accounts)
    let raw = try scratch.database.makeStatement("SELECT name, raw FROM accounts WHERE external_id = 'beta'").map {
        ($0.text(0), $0.text(1))
    }
    #expect(raw.first?.0 == "Beta, LLC")
    let object = try JSONSerialization.jsonObject(with: Data((raw.first?.1 ?? "").utf8)) as? [String: String]
    #expect(object == ["tier": "silver"])
}

@Test(arguments: Engine.allCases) func invoiceDefaultsFollowThePaidDate(engine: Engine) throws {
    let scratch = try Scratch(engine: engine)
    try scratch.importText(.accounts, "accounts.csv", accounts)
    try scratch.importText(
        .invoices, "invoices.csv",
        """
        account_id,issued_date,paid_date,amount_due_cents
        acme,2024-11-01,2024-11-03,1000
        acme,2024-12-01,,2000
        """)
    let rows = try scratch.database.makeStatement("SELECT status, amount_paid_cents FROM invoices ORDER BY issued_date")
        .map { ($0.text(0) ?? "", $0.integer(1)) }
    #expect(rows.map(\.0) == ["paid", "open"])
    #expect(rows.map(\.1) == [1000, 0])
}

/// A bad file and the one line it must be refused with.
struct BadFile: CustomTestStringConvertible, Sendable {
    let id: String
    let kind: ImportKind
    let text: String
    let message: String
    var testDescription: String { id }
}

private let badFiles: [BadFile] = [
    BadFile(
        id: "an impossible date", kind: .invoices,
        text:
            "invoice_id,account_id,issued_date,amount_due_cents\ninv-9,acme,2024-01-02,100\ninv-10,acme,2024-13-45,100\n",
        message: #"bad.csv:3: column issued_date: "2024-13-45" is not a date (YYYY-MM-DD)"#),
    BadFile(
        id: "an unknown account", kind: .invoices,
        text:
            "invoice_id,account_id,issued_date,amount_due_cents\ninv-9,acme,2024-01-02,100\ninv-10,zeta,2024-01-03,100\n",
        message: #"bad.csv:3: column account_id: unknown account "zeta" (import accounts first)"#),
    BadFile(
        id: "a missing required value", kind: .invoices,
        text: "invoice_id,account_id,issued_date,amount_due_cents\ninv-9,acme,,100\n",
        message: "bad.csv:2: column issued_date: a value is required"),
    BadFile(
        id: "a missing required column", kind: .invoices,
        text: "invoice_id,account_id,amount_due_cents\ninv-9,acme,100\n",
        message: "bad.csv:1: missing column issued_date (the header has invoice_id, account_id, amount_due_cents)"),
    BadFile(
        id: "a bad number", kind: .invoices,
        text: "invoice_id,account_id,issued_date,amount_due_cents\ninv-9,acme,2024-01-02,12.50 EUR\n",
        message: #"bad.csv:2: column amount_due_cents: "12.50 EUR" is not a whole number"#),
    BadFile(
        id: "a short row", kind: .invoices,
        text: "invoice_id,account_id,issued_date,amount_due_cents\ninv-9,acme,2024-01-02,100\ninv-10,acme\n",
        message: "bad.csv:3: 2 fields, the header has 4"),
    BadFile(
        id: "an unknown status", kind: .invoices,
        text: "invoice_id,account_id,issued_date,amount_due_cents,status\ninv-9,acme,2024-01-02,100,settled\n",
        message: #"bad.csv:2: column status: "settled" is not one of paid, open, uncollectible, void, draft"#),
    BadFile(
        id: "an unclosed quote", kind: .accounts,
        text: "account_id,name\nzeta,\"Zeta\nomega,Omega\n",
        message: "bad.csv:2: a quoted field is not closed before the end of the file"),
    BadFile(
        id: "an answer out of range", kind: .assessments,
        text: "account_id,item,answer,author,assessed_date\nacme,need_fit,11,ana,2024-05-01\n",
        message: #"bad.csv:2: column answer: "11" is not an answer (yes, no, or a rating 0-10)"#),
]

@Test(arguments: badFiles)
func aBadFileIsRefusedWithOneLineAndWritesNothing(_ bad: BadFile) throws {
    let scratch = try Scratch()
    try scratch.importText(.accounts, "accounts.csv", accounts)
    let before = try scratch.counts()
    #expect {
        try scratch.importText(bad.kind, "bad.csv", bad.text)
    } throws: { error in
        let text = "\(error)"
        if text != bad.message { Issue.record("got: \(text)") }
        return text == bad.message
    }
    #expect(try scratch.counts() == before)
}

@Test(arguments: Engine.allCases) func quotedFieldsMayHoldCommasQuotesAndNewlines(engine: Engine) throws {
    let scratch = try Scratch(engine: engine)
    try scratch.importText(
        .accounts, "accounts.csv", "account_id,name\r\nq1,\"Quote \"\"Q\"\", Inc\nSecond line\"\r\nq2,Plain\r\n")
    let names = try scratch.database.makeStatement("SELECT name FROM accounts ORDER BY external_id").map {
        $0.text(0) ?? ""
    }
    #expect(names == ["Quote \"Q\", Inc\nSecond line", "Plain"])
}

@Test(arguments: Engine.allCases) func jsonLinesImportKeepsTheLineAsRaw(engine: Engine) throws {
    let scratch = try Scratch(engine: engine)
    try scratch.importText(
        .accounts, "accounts.jsonl",
        """
        {"account_id": "j1", "name": "Jay", "employees": 12, "vip": true}
        {"account_id": "j2", "name": "Kay", "region": "EMEA"}
        """)
    let rows = try scratch.database.makeStatement(
        "SELECT external_id, employees, raw FROM accounts ORDER BY external_id"
    )
    .map { ($0.text(0) ?? "", $0.optionalInteger(1), $0.text(2) ?? "") }
    #expect(rows.map(\.0) == ["j1", "j2"])
    #expect(rows[0].1 == 12)
    #expect(rows[1].2 == #"{"account_id": "j2", "name": "Kay", "region": "EMEA"}"#)
}

/// A JSON Lines value that is an array or object goes into its column as JSON, its keys in code-point order (so one
/// file gives the same text, and the same content key, in every process), its numbers to the last digit.
@Test func aNestedJSONLinesValueIsWrittenWithItsKeysInOrderAndItsNumbersExact() throws {
    let scratch = try Scratch()
    let line =
        #"{"account_id": "j1", "name": {"e": 5, "d": [1.0, 0.30000000000000004, 0.123456789012345678901, "x/y", "#
        + #"true, null], "c": "z\u2028", "b": {"g": 1, "f": 2}, "a": false}}"#
    try scratch.importText(.accounts, "accounts.jsonl", line + "\n")
    let name = try scratch.database.makeStatement("SELECT name FROM accounts").map { $0.text(0) ?? "" }
    #expect(
        name == [
            #"{"a":false,"b":{"f":2,"g":1},"c":"z\#u{2028}","#
                + #""d":[1.0,0.30000000000000004,0.123456789012345678901,"x/y",true,null],"e":5}"#
        ])
}

@Test(arguments: Engine.allCases) func rowsWithoutAnIdGetAStableKey(engine: Engine) throws {
    let scratch = try Scratch(engine: engine)
    try scratch.importText(.accounts, "accounts.csv", accounts)
    let usage = "account_id,day,active_users,key_feature_uses\nacme,2024-12-01,5,10\nacme,2024-12-02,6,12\n"
    #expect(try scratch.importText(.usage, "usage.csv", usage).rowsWritten == 2)
    #expect(try scratch.importText(.usage, "usage.csv", usage).rowsWritten == 0)
    // A corrected value for the same account and day updates the row instead of adding one.
    #expect(
        try scratch.importText(
            .usage, "usage.csv", "account_id,day,active_users,key_feature_uses\nacme,2024-12-02,7,12\n"
        ).rowsWritten == 1)
    #expect(try AccountDirectory(database: scratch.database).count(.usageDaily) == 2)
}

/// An invoices file past `Importer.bulkBytes(on:)` on both engines, so it is imported with its table's indexes and foreign keys set aside
/// and, on PostgreSQL, as a first load; `bad` replaces the amount of that 1-based record.
private func bulkInvoices(count: Int, badRecord bad: Int? = nil) -> String {
    var text = "invoice_id,account_id,issued_date,due_date,paid_date,amount_due_cents,status,product\n"
    text.reserveCapacity(count * 96)
    for record in 1...count {
        let account = record.isMultiple(of: 2) ? "acme" : "beta"
        let amount = record == bad ? "twelve" : String(record * 100)
        text += "inv-\(record),\(account),2024-11-01,2024-12-01,2024-11-10,\(amount),paid,a product named at length\n"
    }
    return text
}

@Test(arguments: Engine.allCases) func aBulkImportIsWrittenOnceAndReimportedAsNoChange(engine: Engine) throws {
    let scratch = try Scratch(engine: engine)
    try scratch.importText(.accounts, "accounts.csv", accounts)
    let text = bulkInvoices(count: 50_000)
    #expect(text.utf8.count >= Importer.bulkBytes(on: engine))
    let indexes = try secondaryIndexCatalogue(scratch.database)
    #expect(try scratch.importText(.invoices, "invoices.csv", text).rowsWritten == 50_000)
    let total = try scratch.database.makeStatement("SELECT count(*), sum(amount_due_cents) FROM invoices").map {
        [$0.integer(0), $0.integer(1)]
    }
    #expect(total == [[50_000, 100 * 50_000 * 50_001 / 2]])
    #expect(try secondaryIndexCatalogue(scratch.database) == indexes)
    if engine == .sqlite {  // written unchecked, and checked again for the next writer
        #expect(try scratch.database.makeStatement("PRAGMA foreign_keys").map { $0.integer(0) } == [1])
    }
    #expect(try scratch.importText(.invoices, "invoices.csv", text).rowsWritten == 0)
    #expect(try scratch.counts()[CanonicalTable.allCases.firstIndex(of: .invoices)!] == 50_000)
}

@Test(arguments: Engine.allCases) func aBadRecordNearTheEndOfABulkImportWritesNothing(engine: Engine) throws {
    let scratch = try Scratch(engine: engine)
    try scratch.importText(.accounts, "accounts.csv", accounts)
    let before = try scratch.counts()
    let indexes = try secondaryIndexCatalogue(scratch.database)
    #expect {
        try scratch.importText(.invoices, "invoices.csv", bulkInvoices(count: 50_000, badRecord: 49_990))
    } throws: { error in
        "\(error)".hasPrefix("invoices.csv:49991: column amount_due_cents:")
    }
    #expect(try scratch.counts() == before)
    #expect(try secondaryIndexCatalogue(scratch.database) == indexes)
}
