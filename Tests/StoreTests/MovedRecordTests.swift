import Testing

@testable import Store

/// Two accounts' rows (a contact's account ids, first and second).
func twoAccountsAndAContact(_ database: Database) throws -> (first: Int64, second: Int64) {
    let accounts = try Upserter(database: database, table: .accounts)
    for id in ["a", "b"] {
        try accounts.upsert(
            source: "crm", externalID: id, values: [.text(id), nil, nil, nil, nil, nil, nil, nil, nil, nil, nil],
            raw: "{}")
    }
    let rows = try database.makeStatement("SELECT id FROM accounts ORDER BY external_id").map { $0.integer(0) }
    return (rows[0], rows[1])
}

func contact(_ account: Int64) -> [SQLValue] {
    [.integer(account), "Ann", "ann@example.com", 1, "2026-01-01"]
}

private func contactRows(_ database: Database) throws -> [String] {
    try database.makeStatement("SELECT external_id, account_id, name FROM contacts ORDER BY account_id")
        .map { "\($0.text(0) ?? "") \($0.integer(1)) \($0.text(2) ?? "")" }
}

@Test(arguments: Engine.allCases) func aRecordThatMovesToAnotherAccountIsKeptOnceUnderIt(engine: Engine) throws {
    let file = TemporaryDatabase(engine)
    let database = try Database(path: file.path)
    let (first, second) = try twoAccountsAndAContact(database)
    let upserter = try Upserter(database: database, table: .contacts)
    #expect(
        try upserter.write(source: "crm", externalID: "c1", values: contact(first), raw: Array("{}".utf8)) == .inserted)
    #expect(
        try upserter.write(source: "crm", externalID: "c1", values: contact(second), raw: Array("{}".utf8))
            != .unchanged)
    #expect(try contactRows(database) == ["c1 \(second) Ann"])
}

@Test(arguments: Engine.allCases) func aBulkWrittenRecordThatMovesIsKeptOnceUnderItsNewAccount(engine: Engine) throws {
    let file = TemporaryDatabase(engine)
    let database = try Database(path: file.path)
    let (first, second) = try twoAccountsAndAContact(database)
    for account in [first, second] {
        let bulk = try BulkUpserter(database: database, table: .contacts)
        try bulk.add(source: "crm", externalID: "c1", values: contact(account), raw: Array("{}".utf8))
        try bulk.finish()
        #expect(bulk.written == 1)
    }
    #expect(try contactRows(database) == ["c1 \(second) Ann"])
}

/// A database with two accounts, and a function that writes contact `id` under an account with one upserter.
private func contactWriter(_ file: TemporaryDatabase) throws -> (
    Database, first: Int64, second: Int64, write: (String, Int64) throws -> Void
) {
    let database = try Database(path: file.path)
    let (first, second) = try twoAccountsAndAContact(database)
    let upserter = try Upserter(database: database, table: .contacts)
    let write = { (id: String, account: Int64) in
        _ = try upserter.write(source: "crm", externalID: id, values: contact(account), raw: Array("{}".utf8))
    }
    return (database, first, second, write)
}

/// Each contact's id and account, by id.
private func contactAccounts(_ database: Database) throws -> [String] {
    try database.makeStatement("SELECT external_id, account_id FROM contacts ORDER BY external_id")
        .map { "\($0.text(0) ?? "") \($0.integer(1))" }
}

@Test(arguments: Engine.allCases)
func recordsThatMoveWithinAPageAreKeptOnceUnderTheirLastAccount(engine: Engine) throws {
    let file = TemporaryDatabase(engine)
    let (database, first, second, write) = try contactWriter(file)
    try write("c1", first)
    try write("c2", first)
    let pages = PageTransactions(database: database, interval: 3600)
    try pages.page {
        // c1 moves and comes back in the same page; c2 moves; c3 is new.
        try write("c1", second)
        try write("c2", second)
        try write("c3", first)
        try write("c1", first)
    }
    try pages.commit()
    #expect(try contactAccounts(database) == ["c1 \(first)", "c2 \(second)", "c3 \(first)"])
}

@Test(arguments: Engine.allCases)
func aMoveRolledBackDeletesNothingWhenTheNextTransactionCommits(engine: Engine) throws {
    let file = TemporaryDatabase(engine)
    let (database, first, second, write) = try contactWriter(file)
    try write("c1", first)
    struct PageFailed: Error {}
    #expect(throws: PageFailed.self) {
        try database.transaction {
            try write("c1", second)
            throw PageFailed()
        }
    }
    try database.transaction {
        try write("c2", second)
    }
    #expect(try contactAccounts(database) == ["c1 \(first)", "c2 \(second)"])
}
