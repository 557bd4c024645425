import Testing

@testable import Store

/// Each contact's id, account and name, in key order.
private func contacts(_ database: Database) throws -> [String] {
    try database.makeStatement("SELECT external_id, account_id, name FROM contacts ORDER BY external_id, account_id")
        .map { "\($0.text(0) ?? "") \($0.integer(1)) \($0.text(2) ?? "")" }
}

private func contact(_ account: Int64, name: String) -> [SQLValue] {
    [.integer(account), .text(name), "ann@example.com", 1, "2026-01-01"]
}

/// Writes `records` (id, account, name) in one transaction with batches of two, returning how many it wrote.
private func bulkWrite(_ database: Database, _ records: [(String, Int64, String)]) throws -> Int {
    try database.transaction {
        let bulk = try BulkUpserter(database: database, table: .contacts, batchSize: 2)
        for (id, account, name) in records {
            try bulk.add(source: "crm", externalID: id, values: contact(account, name: name), raw: Array("{}".utf8))
        }
        try bulk.finish()
        return bulk.written
    }
}

@Test(arguments: Engine.allCases)
func aFirstLoadThatRepeatsKeysOfEarlierBatchesEndsAsAMergeWould(engine: Engine) throws {
    let file = TemporaryDatabase(engine)
    let database = try Database(path: file.path)
    let (first, second) = try twoAccountsAndAContact(database)
    // Into an empty table: c1 moves to the second account two batches later, c2 changes its name, c3 comes twice.
    let written = try bulkWrite(
        database,
        [
            ("c1", first, "Ann"), ("c2", first, "Bob"), ("c3", first, "Cy"), ("c4", first, "Di"),
            ("c1", second, "Ann"), ("c2", first, "Rob"), ("c3", first, "Cy"),
        ])
    #expect(
        try contacts(database) == ["c1 \(second) Ann", "c2 \(first) Rob", "c3 \(first) Cy", "c4 \(first) Di"])
    #expect(written == 6, "four new, c1's move and c2's new name; c3 again is unchanged")
}

@Test(arguments: Engine.allCases)
func aBulkWriteIntoATableHoldingItsSourceMergesFromTheFirstBatch(engine: Engine) throws {
    let file = TemporaryDatabase(engine)
    let database = try Database(path: file.path)
    let (first, second) = try twoAccountsAndAContact(database)
    _ = try bulkWrite(database, [("c1", first, "Ann"), ("c2", first, "Bob")])
    let written = try bulkWrite(database, [("c1", second, "Ann"), ("c2", first, "Rob"), ("c3", first, "Cy")])
    #expect(try contacts(database) == ["c1 \(second) Ann", "c2 \(first) Rob", "c3 \(first) Cy"])
    #expect(written == 3)
}

@Test func aFirstLoadLocksTheTableAgainstOtherWritersUntilItCommits() throws {
    let file = TemporaryDatabase(.postgres)
    let database = try Database(path: file.path)
    let (first, _) = try twoAccountsAndAContact(database)
    try database.begin()
    defer { database.rollback() }
    let bulk = try BulkUpserter(database: database, table: .contacts, batchSize: 2)
    try bulk.add(source: "crm", externalID: "c1", values: contact(first, name: "Ann"), raw: Array("{}".utf8))
    let other = try Database(path: file.path)
    let locks = try other.makeStatement(
        """
        SELECT mode FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
        WHERE c.relname = 'contacts' AND c.relnamespace = current_schema()::regnamespace AND l.granted
        """
    ).map { $0.text(0) ?? "" }
    #expect(locks.contains("ShareRowExclusiveLock"))
}
