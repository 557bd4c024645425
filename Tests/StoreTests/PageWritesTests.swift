import Testing

@testable import Store

private func mrr(_ account: Int64, _ cents: Int64, _ day: String = "2026-01-01") -> MRRChangeRow {
    MRRChangeRow(accountID: account, effectiveDate: day, mrrCents: cents, changeType: "new")
}

private func mrrRows(_ database: Database) throws -> [String] {
    try database.makeStatement("SELECT external_id, account_id, mrr_cents FROM mrr_changes ORDER BY external_id")
        .map { "\($0.text(0) ?? "") \($0.integer(1)) \($0.integer(2))" }
}

/// Writes one page: record 0 has two rows, record 1 one, record 2 none; returns what each record did.
private func page(_ writes: PageWrites, account: Int64, cents: Int64, endCents: Int64) throws -> [Int: Upserter.Outcome]
{
    let raw = Array("{}".utf8)[...]
    try writes.add(mrr(account, cents), source: "billing", externalID: "s1:start", raw: raw, record: 0)
    try writes.add(mrr(account, endCents), source: "billing", externalID: "s1:end", raw: raw, record: 0)
    try writes.add(mrr(account, 500), source: "billing", externalID: "s2:start", raw: raw, record: 1)
    return try writes.finish()
}

@Test(arguments: Engine.allCases) func aPagesRecordsSayWhatTheirFirstChangedRowDid(engine: Engine) throws {
    let file = TemporaryDatabase(engine)
    let database = try Database(path: file.path)
    let (first, _) = try twoAccountsAndAContact(database)
    let writes = PageWrites(database: database)
    try database.begin()  // as a sync's pages are written
    #expect(try page(writes, account: first, cents: 100, endCents: 0) == [0: .inserted, 1: .inserted])
    // The same page again changes nothing; then only the second row of record 0 differs.
    #expect(try page(writes, account: first, cents: 100, endCents: 0) == [:])
    #expect(try page(writes, account: first, cents: 100, endCents: 7) == [0: .updated])
    try database.commit()
    #expect(try mrrRows(database) == ["s1:end \(first) 7", "s1:start \(first) 100", "s2:start \(first) 500"])
}

@Test(arguments: Engine.allCases) func aKeyRepeatedInAPageIsWrittenInOrderTheLaterRowWinning(engine: Engine) throws {
    let file = TemporaryDatabase(engine)
    let database = try Database(path: file.path)
    let (first, second) = try twoAccountsAndAContact(database)
    let writes = PageWrites(database: database)
    let raw = Array("{}".utf8)[...]
    try writes.add(mrr(first, 100), source: "billing", externalID: "s1", raw: raw, record: 0)
    try writes.add(mrr(first, 200), source: "billing", externalID: "s1", raw: raw, record: 1)
    // The record moves to the second account in the same page: one row is left, under it.
    try writes.add(mrr(second, 300), source: "billing", externalID: "s1", raw: raw, record: 2)
    #expect(try writes.finish() == [0: .inserted, 1: .updated, 2: engine == .sqlite ? .updated : .inserted])
    #expect(try mrrRows(database) == ["s1 \(second) 300"])
}

@Test(arguments: Engine.allCases) func aPageOfAccountsAndFiledRowsKeepsEachRecordsRawJSON(engine: Engine) throws {
    let file = TemporaryDatabase(engine)
    let database = try Database(path: file.path)
    let (first, _) = try twoAccountsAndAContact(database)
    let writes = PageWrites(database: database)
    let hostile = Array(#"{"name":"tab\there, newline\n, backslash \\ and \"quotes\""}"#.utf8)
    let hostileName = "Tab\tand\nnewline, \"quotes\", back\\slash, \u{1} \u{7F} \u{2028} 🦊 {\"x\":[null]}"
    let account = AccountRow(name: hostileName, employees: Int64.max)
    try writes.add(account, source: "billing", externalID: "c1", raw: hostile[...], record: 0)
    try writes.add(mrr(first, 100), source: "billing", externalID: "s1", raw: hostile[...], record: 1)
    #expect(try writes.finish() == [0: .inserted, 1: .inserted])
    let stored = try database.makeStatement(
        "SELECT raw FROM accounts WHERE external_id = 'c1' UNION ALL SELECT raw FROM mrr_changes"
    ).map { $0.text(0) ?? "" }
    #expect(stored == [String(decoding: hostile, as: UTF8.self), String(decoding: hostile, as: UTF8.self)])
    let named = try database.makeStatement("SELECT name, employees FROM accounts WHERE external_id = 'c1'")
        .map { "\($0.text(0) ?? "") \($0.integer(1))" }
    #expect(named == ["\(hostileName) \(Int64.max)"])
}

@Test(arguments: Engine.allCases) func aPagesRealsComeBackToTheLastBit(engine: Engine) throws {
    let file = TemporaryDatabase(engine)
    let database = try Database(path: file.path)
    let (first, _) = try twoAccountsAndAContact(database)
    let writes = PageWrites(database: database)
    let answers = [0.1 + 0.2, 1e-310, -Double.greatestFiniteMagnitude, 4.35]
    for (number, answer) in answers.enumerated() {
        let row = AssessmentRow(
            accountID: first, item: "item \(number)", answer: answer, author: nil, assessedDate: "2026-01-01")
        try writes.add(row, source: "manual", externalID: "a\(number)", raw: Array("{}".utf8)[...], record: number)
    }
    #expect(try writes.finish().count == answers.count)
    let stored = try database.makeStatement("SELECT answer FROM assessments ORDER BY external_id").map { $0.double(0) }
    #expect(stored == answers)
}
