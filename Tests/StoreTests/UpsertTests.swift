import Testing

@testable import Store

private func account(_ name: String) -> [SQLValue] {
    [.text(name), "acme.example", "software", 120, "NL", "2024-01-01", nil, nil, nil, nil, nil]
}

@Test(arguments: Engine.allCases) func writingTheSameRecordTwiceChangesNothing(engine: Engine) throws {
    let file = TemporaryDatabase(engine)
    let database = try Database(path: file.path)
    let upserter = try Upserter(database: database, table: .accounts)
    #expect(try upserter.upsert(source: "file", externalID: "acme", values: account("Acme"), raw: "{\"a\":1}"))
    #expect(try upserter.upsert(source: "file", externalID: "acme", values: account("Acme"), raw: "{\"a\":1}") == false)
    #expect(try upserter.upsert(source: "file", externalID: "acme", values: account("Acme BV"), raw: "{\"a\":2}"))
    #expect(try AccountDirectory(database: database).count(.accounts) == 1)
    let name = try database.makeStatement("SELECT name FROM accounts").map { $0.text(0) }.first
    #expect(name == "Acme BV")
}

@Test(arguments: Engine.allCases) func theSameIdFromTwoSourcesIsTwoRecords(engine: Engine) throws {
    let file = TemporaryDatabase(engine)
    let database = try Database(path: file.path)
    let upserter = try Upserter(database: database, table: .accounts)
    try upserter.upsert(source: "file", externalID: "1", values: account("A"), raw: "{}")
    try upserter.upsert(source: "hubspot", externalID: "1", values: account("A"), raw: "{}")
    #expect(try AccountDirectory(database: database).count(.accounts) == 2)
}

@Test(arguments: Engine.allCases) func aFailedTransactionLeavesNothingBehind(engine: Engine) throws {
    let file = TemporaryDatabase(engine)
    let database = try Database(path: file.path)
    struct Stop: Error {}
    #expect(throws: Stop.self) {
        try database.transaction {
            try Upserter(database: database, table: .accounts).upsert(
                source: "file", externalID: "x", values: account("X"), raw: "{}")
            throw Stop()
        }
    }
    #expect(try AccountDirectory(database: database).count(.accounts) == 0)
}

@Test(arguments: Engine.allCases) func aForeignKeyViolationIsAOneLineStoreError(engine: Engine) throws {
    let file = TemporaryDatabase(engine)
    let database = try Database(path: file.path)
    let upserter = try Upserter(database: database, table: .invoices)
    #expect {
        try upserter.upsert(
            source: "file", externalID: "inv-1",
            values: [.integer(42), "2024-01-01", nil, nil, 100, 100, "usd", "paid", nil], raw: "{}")
    } throws: { error in
        guard let error = error as? StoreError else { return false }
        let start =
            engine == .sqlite
            ? "SQLite error 787: FOREIGN KEY constraint failed"
            : "PostgreSQL error 23503: insert or update on table \"invoices"  // on Citus, a shard: "invoices_102008"
        return error.isConstraint && error.description.hasPrefix(start)
            && !error.description.contains("\n")
    }
}

@Test(arguments: Engine.allCases) func runsAreStoredWithTheirResultsInPositionOrder(engine: Engine) throws {
    let file = TemporaryDatabase(engine)
    let database = try Database(path: file.path)
    let upserter = try Upserter(database: database, table: .accounts)
    try upserter.upsert(source: "file", externalID: "a", values: account("A"), raw: "{}")
    try upserter.upsert(source: "file", externalID: "b", values: account("B"), raw: "{}")
    let ids = try AccountDirectory(database: database).rowIDsByExternalID()
    let store = ScoreRunStore(database: database)
    let run = try store.begin(
        scoreName: "rfm", module: "value", configHash: "abc", configuration: "{}", asOf: "2025-01-01", kind: .current)
    try store.insertResult(
        runID: run, accountRowID: ids["b"]!, position: 2, value: 10, band: "Red", components: Array("[]".utf8),
        layout: 1,
        details: Array("{}".utf8))
    try store.insertResult(
        runID: run, accountRowID: ids["a"]!, position: 1, value: 90, band: "Green", components: Array("[]".utf8),
        layout: 1,
        details: Array("{}".utf8))
    #expect(try store.latestRun(of: "rfm") == nil)
    try store.finish(runID: run, accountCount: 2)
    #expect(try store.latestRun(of: "rfm")?.accountCount == 2)
    #expect(try store.results(runID: run).map(\.accountID) == ["a", "b"])
    #expect(try store.results(runID: run, band: "Red").map(\.accountID) == ["b"])
}

@Test(arguments: Engine.allCases) func anInsertIsToldFromAnUpdateWhateverWasWrittenBefore(engine: Engine) throws {
    let file = TemporaryDatabase(engine)
    let database = try Database(path: file.path)
    // Row 1 of another table, written just before: the account's first row gets the same rowid.
    try database.execute(
        "INSERT INTO imports (kind, file, rows_read, rows_written, imported_at) VALUES ('x', 'y', 0, 0, 'z')")
    let upserter = try Upserter(database: database, table: .accounts)
    #expect(
        try upserter.write(source: "file", externalID: "acme", values: account("Acme"), raw: Array("{}".utf8))
            == .inserted)
    #expect(
        try upserter.write(source: "file", externalID: "acme", values: account("Acme BV"), raw: Array("{}".utf8))
            == .updated)
    #expect(
        try upserter.write(source: "file", externalID: "acme", values: account("Acme BV"), raw: Array("{}".utf8))
            == .unchanged)
    #expect(
        try upserter.write(source: "file", externalID: "beta", values: account("Beta"), raw: Array("{}".utf8))
            == .inserted)
}
