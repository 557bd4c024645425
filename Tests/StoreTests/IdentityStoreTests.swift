import Testing

@testable import Store

/// An account row of a source; `crmLink` is the CRM id a billing record carries.
private func insertAccount(
    _ database: Database, source: String, id: String, domain: String?, crmLink: String? = nil
) throws {
    try database.makeStatement(
        "INSERT INTO accounts (source, external_id, name, domain, crm_link, raw) VALUES (?, ?, ?, ?, ?, '{}')"
    ).run([.text(source), .text(id), .text(id), domain.sqlValue, crmLink.sqlValue])
}

@Test(arguments: Engine.allCases) func sourceNamesAreBoundNotSpliced(engine: Engine) throws {
    let file = TemporaryDatabase(engine)
    let database = try Database(path: file.path)
    let crm = "o'brien crm"
    let billing = "billing'); DROP TABLE accounts; --"
    try insertAccount(database, source: crm, id: "c1", domain: "acme.com")
    try insertAccount(database, source: crm, id: "c2", domain: "globex.com")
    try insertAccount(database, source: crm, id: "c3", domain: "alone.com")
    try insertAccount(database, source: billing, id: "b1", domain: nil, crmLink: "c2")
    try insertAccount(database, source: billing, id: "b2", domain: "WWW.Acme.com")
    try insertAccount(database, source: billing, id: "b3", domain: "nobody.com")
    try insertAccount(database, source: "other", id: "o1", domain: "acme.com")
    let identity = IdentityStore(database: database)
    #expect(try identity.link(billingSources: [billing], crmSources: [crm]) == 2)
    #expect(
        try identity.accountRow(source: billing, externalID: "b1") == identity.accountRow(source: crm, externalID: "c2")
    )
    #expect(
        try identity.accountRow(source: billing, externalID: "b2") == identity.accountRow(source: crm, externalID: "c1")
    )
    let unlinked = try identity.unlinked(billingSources: [billing], crmSources: [crm]).map { "\($0.source)/\($0.id)" }
    #expect(unlinked == ["\(billing)/b3", "\(crm)/c3"])
}

@Test(arguments: Engine.allCases)
func linkingRefilesRecordsUnderTheCanonicalAccountKeepingTheirIDs(engine: Engine) throws {
    let file = TemporaryDatabase(engine)
    let database = try Database(path: file.path)
    try insertAccount(database, source: "crm", id: "c1", domain: "acme.com")
    try insertAccount(database, source: "billing", id: "b1", domain: "acme.com")
    try insertAccount(database, source: "billing", id: "b2", domain: "nobody.com")
    let identity = IdentityStore(database: database)
    let billed = try #require(try identity.accountRow(source: "billing", externalID: "b1"))
    let alone = try #require(try identity.accountRow(source: "billing", externalID: "b2"))
    let invoice = try Upserter(database: database, table: .invoices)
    for (id, account) in [("in_1", billed), ("in_2", alone)] {
        try invoice.upsert(
            source: "billing", externalID: id,
            values: [
                .integer(account), .text("2026-01-01"), .null, .null, .integer(500), .integer(0), .null,
                .text("open"), .null,
            ],
            raw: "{}")
    }
    let before = try database.makeStatement("SELECT external_id, id FROM invoices ORDER BY external_id")
        .map { "\($0.text(0) ?? "") \($0.integer(1))" }
    #expect(try database.transaction { try identity.link(billingSources: ["billing"], crmSources: ["crm"]) } == 1)
    let canonical = try #require(try identity.accountRow(source: "crm", externalID: "c1"))
    let filed = try database.makeStatement("SELECT external_id, account_id, amount_due_cents FROM invoices ORDER BY 1")
        .map { "\($0.text(0) ?? "") \($0.integer(1)) \($0.integer(2))" }
    #expect(filed == ["in_1 \(canonical) 500", "in_2 \(alone) 500"])
    let after = try database.makeStatement("SELECT external_id, id FROM invoices ORDER BY external_id")
        .map { "\($0.text(0) ?? "") \($0.integer(1))" }
    #expect(after == before)
}

@Test(arguments: Engine.allCases) func manyRecordsAccountRowsAreFoundAsOneByOne(engine: Engine) throws {
    let file = TemporaryDatabase(engine)
    let database = try Database(path: file.path)
    try insertAccount(database, source: "crm", id: "c1", domain: "acme.com")
    let ids = (0..<250).map { "b\($0)" }
    for id in ids { try insertAccount(database, source: "billing", id: id, domain: id == "b7" ? "acme.com" : nil) }
    try insertAccount(database, source: "other", id: "b8", domain: nil)
    let identity = IdentityStore(database: database)
    #expect(try identity.link(billingSources: ["billing"], crmSources: ["crm"]) == 1)
    // More ids than one query takes, some of no account, one of another source only, one linked.
    let asked = ids + ["missing", "c1"]
    let found = try identity.accountRows(source: "billing", externalIDs: asked)
    #expect(found.count == 250)
    for id in asked { #expect(found[id] == (try identity.accountRow(source: "billing", externalID: id))) }
    #expect(found["b7"] == (try identity.accountRow(source: "crm", externalID: "c1")))
    #expect(try identity.accountRows(source: "billing", externalIDs: []).isEmpty)
}
