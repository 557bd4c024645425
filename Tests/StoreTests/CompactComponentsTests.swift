import ScoreKit
import Testing

@testable import Store

private func storeWithAccount(_ engine: Engine) throws -> (TemporaryDatabase, Database, Int64) {
    let file = TemporaryDatabase(engine)
    let database = try Database(path: file.path)
    let values: [SQLValue] = ["A", nil, nil, nil, nil, nil, nil, nil, nil, nil, nil]
    let upserter = try Upserter(database: database, table: .accounts)
    try upserter.upsert(source: "file", externalID: "a", values: values, raw: "{}")
    let rowID = try AccountDirectory(database: database).rowIDsByExternalID()["a"] ?? 0
    return (file, database, rowID)
}

private func begin(_ store: ScoreRunStore) throws -> Int64 {
    try store.begin(
        scoreName: "rfm", module: "value", configHash: "h", configuration: "{}", asOf: "2025-01-01", kind: .current)
}

@Test(arguments: Engine.allCases) func aResultIsStoredPositionallyAndReadBackAsTheSameValuesInOrder(engine: Engine)
    throws
{
    let (file, database, account) = try storeWithAccount(engine)
    let store = ScoreRunStore(database: database)
    let run = try begin(store)
    let components = [
        Component(
            signal: "re\ncency \"r\" caf\u{E9}", raw: 12, normalised: 75, weight: 1.0 / 3, contribution: 25 - 1e-14),
        Component(signal: "m", raw: nil, normalised: 1e-7, weight: 1, contribution: 0, isManual: true),
    ]
    let details: [(name: String, value: DetailValue)] = [
        ("segment", .text("Loyal\t\u{1F600}")), ("r", .integer(4)), ("alpha", .number(0.25)), ("big", .number(2e20)),
    ]
    let writer = store.resultWriter(runID: run)
    try writer.add(
        accountRowID: account, position: 1, value: 25, band: "Loyal", components: components, details: details)
    try writer.finish()

    let stored = try database.makeStatement("SELECT components, details, components_layout FROM score_results")
        .map { [$0.text(0) ?? "", $0.text(1) ?? "", String($0.integer(2))] }
    #expect(
        stored == [
            [
                #"[["re\ncency \"r\" café",12,75,0.3333333333333333,24.99999999999999,false],["m",null,1e-07,1,0,true]]"#,
                #"{"segment":"Loyal\t😀","r":4,"alpha":0.25,"big":2e+20}"#, "1",
            ]
        ])
    let result = try #require(try store.results(runID: run).first)
    #expect(result.components == components)
    #expect(result.details.map(\.name) == ["segment", "r", "alpha", "big"])
    #expect(result.details.map(\.value) == details.map(\.value))
    withExtendedLifetime(file) {}
}

@Test(arguments: Engine.allCases) func resultsStoredAsObjectsBeforeTheLayoutAreReadIntoComponents(engine: Engine) throws
{
    let (file, database, account) = try storeWithAccount(engine)
    let store = ScoreRunStore(database: database)
    let run = try begin(store)
    let objects =
        #"[{"signal":"recency","raw":3,"normalised":100,"weight":1,"contribution":100,"manual":false},"#
        + #" {"manual":true,"contribution":0.5,"weight":50,"normalised":1,"raw":null,"signal":"caf\u00e9 \ud83d\ude00"}]"#
    try database.makeStatement(
        """
        INSERT INTO score_results (run_id, account_id, position, value, band, components, details)
        VALUES (?, ?, 1, 100, 'Champion', ?, '{"code":"555","m":5}')
        """
    ).run([.integer(run), .integer(account), .text(objects)])
    let result = try #require(try store.results(runID: run).first)
    #expect(
        result.components == [
            Component(signal: "recency", raw: 3, normalised: 100, weight: 1, contribution: 100),
            Component(
                signal: "caf\u{E9} \u{1F600}", raw: nil, normalised: 1, weight: 50, contribution: 0.5, isManual: true),
        ])
    #expect(result.detail("code") == .text("555") && result.detail("m") == .integer(5))
    withExtendedLifetime(file) {}
}

@Test(arguments: Engine.allCases) func componentsNotInTheirLayoutAreAnErrorNotAnEmptyList(engine: Engine) throws {
    let (file, database, account) = try storeWithAccount(engine)
    let store = ScoreRunStore(database: database)
    let run = try begin(store)
    try store.insertResult(
        runID: run, accountRowID: account, position: 1, value: 1, band: "Loyal",
        components: Array(#"[{"signal":"recency"}]"#.utf8), details: Array("{}".utf8))
    #expect(throws: StoreError.self) { try store.results(runID: run) }
    withExtendedLifetime(file) {}
}
