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

@Test(arguments: Engine.allCases) func positionalComponentsAreReadBackAsTheObjectsByteForByte(engine: Engine) throws {
    let (file, database, account) = try storeWithAccount(engine)
    let store = ScoreRunStore(database: database)
    let run = try store.begin(
        scoreName: "rfm", module: "value", configHash: "h", configuration: "{}", asOf: "2025-01-01", kind: .current)
    let positional =
        #"[["re\u000acency \"r\"",12,75,0.3333333333333333,24.999999999999996,false],"#
        + #"["m",null,1e-7,1,0,true]]"#
    try store.insertResult(
        runID: run, accountRowID: account, position: 1, value: 25, band: "Loyal", components: Array(positional.utf8),
        details: Array(#"{"code":"411"}"#.utf8))
    let result = try #require(try store.results(runID: run).first)
    #expect(
        result.components == #"[{"signal":"re\u000acency \"r\"","raw":12,"normalised":75,"weight":0.3333333333333333,"#
            + #""contribution":24.999999999999996,"manual":false},"#
            + #"{"signal":"m","raw":null,"normalised":1e-7,"weight":1,"contribution":0,"manual":true}]"#)
    #expect(result.details == #"{"code":"411"}"#)
    withExtendedLifetime(file) {}
}

@Test(arguments: Engine.allCases) func resultsStoredAsObjectsBeforeTheLayoutAreReadAsStored(engine: Engine) throws {
    let (file, database, account) = try storeWithAccount(engine)
    let store = ScoreRunStore(database: database)
    let run = try store.begin(
        scoreName: "rfm", module: "value", configHash: "h", configuration: "{}", asOf: "2025-01-01", kind: .current)
    let objects = #"[{"signal":"recency","raw":3,"normalised":100,"weight":1,"contribution":100,"manual":false}]"#
    try database.makeStatement(
        """
        INSERT INTO score_results (run_id, account_id, position, value, band, components, details)
        VALUES (?, ?, 1, 100, 'Champion', ?, '{}')
        """
    ).run([.integer(run), .integer(account), .text(objects)])
    #expect(try store.results(runID: run).first?.components == objects)
    withExtendedLifetime(file) {}
}
