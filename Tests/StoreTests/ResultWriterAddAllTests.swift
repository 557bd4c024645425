import ScoreKit
import Testing

@testable import Store

/// A database with accounts a, b and c, a run begun on it, and the accounts' row ids.
private func runWithThreeAccounts(_ engine: Engine) throws -> (
    TemporaryDatabase, Database, ScoreRunStore, Int64, [Int64]
) {
    let file = TemporaryDatabase(engine)
    let database = try Database(path: file.path)
    let accounts = try Upserter(database: database, table: .accounts)
    for name in ["a", "b", "c"] {
        try accounts.write(AccountRow(name: name), source: "file", externalID: name, raw: Array("{}".utf8))
    }
    let rowIDs = try AccountDirectory(database: database).rowIDsByExternalID()
    let store = ScoreRunStore(database: database)
    let run = try store.begin(
        scoreName: "rfm", module: "value", configHash: "h", configuration: "{}", asOf: "2025-01-01", kind: .current)
    return (file, database, store, run, ["a", "b", "c"].map { rowIDs[$0] ?? 0 })
}

private func result(_ account: String, _ value: Double) -> ScoredAccount {
    ScoredAccount(accountID: account, value: value, band: "A", components: [], details: [("x", .number(value))])
}

/// The stored results' accounts and positions, in position order.
private func stored(_ database: Database) throws -> [[Int64]] {
    try database.makeStatement("SELECT account_id, position FROM score_results ORDER BY position").map {
        [$0.integer(0), $0.integer(1)]
    }
}

@Test(arguments: Engine.allCases)
func resultsAreStoredAtTheirPlacesAndThoseWithoutARowAreLeftOut(engine: Engine) throws {
    let (file, database, store, run, ids) = try runWithThreeAccounts(engine)
    let writer = try store.resultWriter(runID: run)
    try writer.addAll([result("a", 3), result("b", 2), result("c", 1)], rowIDs: [ids[0], nil, ids[2]])
    try writer.finish()
    #expect(try stored(database) == [[ids[0], 1], [ids[2], 3]])
    withExtendedLifetime(file) {}
}

@Test(arguments: Engine.allCases)
func aResultOfNoAccountFailsAfterTheOnesBeforeItAreWritten(engine: Engine) throws {
    let (file, database, store, run, ids) = try runWithThreeAccounts(engine)
    let writer = try store.resultWriter(runID: run)
    let refused = #expect(throws: StoreError.self) {
        try writer.addAll([result("a", 3), result("x", 2), result("c", 1)], rowIDs: [ids[0], 999_999, ids[2]])
    }
    #expect(refused?.message == "no account has row id 999999")
    #expect(refused?.context == "storing the result at position 2 of run \(run)")
    try writer.finish()
    #expect(try stored(database) == [[ids[0], 1]])
    withExtendedLifetime(file) {}
}

/// An insert that fails stops the encoding thread, however far ahead of it that is, and the call returns its error.
@Test func aFailedInsertStopsTheEncoderAndFailsTheCall() throws {
    let (file, database, store, run, ids) = try runWithThreeAccounts(.sqlite)
    let writer = try store.resultWriter(runID: run)
    let results = (0..<(4 * ResultWriter.encodedAhead)).map { result("a", Double($0)) }
    // Every result of account a: the second breaks the run's one result per account.
    #expect(throws: StoreError.self) { try writer.addAll(results, rowIDs: results.map { _ in ids[0] }) }
    #expect(try stored(database) == [[ids[0], 1]])
    withExtendedLifetime(file) {}
}
