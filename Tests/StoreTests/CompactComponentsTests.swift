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

/// A store with accounts a and b; their row ids.
private func storeWithTwoAccounts(_ engine: Engine) throws -> (TemporaryDatabase, Database, Int64, Int64) {
    let (file, database, account) = try storeWithAccount(engine)
    let other = try Upserter(database: database, table: .accounts)
    try other.write(AccountRow(name: "B"), source: "file", externalID: "b", raw: Array("{}".utf8))
    let second = try AccountDirectory(database: database).rowIDsByExternalID()["b"] ?? 0
    return (file, database, account, second)
}

private func begin(_ store: ScoreRunStore) throws -> Int64 {
    try store.begin(
        scoreName: "rfm", module: "value", configHash: "h", configuration: "{}", asOf: "2025-01-01", kind: .current)
}

@Test(arguments: Engine.allCases) func aResultIsStoredAgainstItsRunsTemplateAndReadBackAsTheSameValuesInOrder(
    engine: Engine
)
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
    let writer = try store.resultWriter(runID: run)
    try writer.add(
        accountRowID: account, position: 1, value: 25, band: "Loyal", components: components, details: details)
    try writer.finish()

    let stored = try database.makeStatement("SELECT components, details, components_layout FROM score_results")
        .map { [$0.text(0) ?? "", $0.text(1) ?? "", String($0.integer(2))] }
    #expect(
        stored == [
            [
                #"[12,75,24.99999999999999,null,1e-07,0]"#, #"{"segment":"Loyal\t😀","r":4,"alpha":0.25,"big":2e+20}"#,
                "2",
            ]
        ])
    let template = try database.makeStatement("SELECT component_template FROM score_runs").map { $0.text(0) }
    #expect(template == [#"[["re\ncency \"r\" café",0.3333333333333333,false],["m",1,true]]"#])
    let result = try #require(try store.results(runID: run).first)
    #expect(result.components == components)
    #expect(result.details.map(\.name) == ["segment", "r", "alpha", "big"])
    #expect(result.details.map(\.value) == details.map(\.value))
    withExtendedLifetime(file) {}
}

@Test(arguments: Engine.allCases)
func resultsStoredAsObjectsBeforeTheLayoutAreReadIntoComponents(engine: Engine) throws {
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
        components: Array(#"[{"signal":"recency"}]"#.utf8), layout: 0, details: Array("{}".utf8))
    #expect(throws: StoreError.self) { try store.results(runID: run) }
    withExtendedLifetime(file) {}
}

@Test(arguments: Engine.allCases) func aResultWhoseSignalsOrWeightsAreNotTheTemplatesNamesItsOwn(engine: Engine) throws
{
    let (file, database, account, second) = try storeWithTwoAccounts(engine)
    let store = ScoreRunStore(database: database)
    let run = try begin(store)
    let first = [
        Component(signal: "r", raw: 1, normalised: 50, weight: 60),
        Component(signal: "f", raw: 2, normalised: 10, weight: 40),
    ]
    // A journey's account can weigh its signals otherwise; its components are stored whole.
    let reweighed = [
        Component(signal: "r", raw: 3, normalised: 20, weight: 70),
        Component(signal: "f", raw: 4, normalised: 30, weight: 30),
    ]
    let writer = try store.resultWriter(runID: run)
    try writer.add(accountRowID: account, position: 1, value: 34, band: "A", components: first, details: [])
    try writer.add(accountRowID: second, position: 2, value: 23, band: "B", components: reweighed, details: [])
    try writer.finish()
    let layouts = try database.makeStatement("SELECT components_layout FROM score_results ORDER BY position").map {
        $0.integer(0)
    }
    #expect(layouts == [3, 1])
    #expect(try store.results(runID: run).map(\.components) == [first, reweighed])
    withExtendedLifetime(file) {}
}

@Test func aTemplatedResultWithMoreOrFewerNumbersThanItsTemplateIsNotRead() {
    let template = [Component(signal: "r", raw: nil, normalised: 0, weight: 60, contribution: 0)]
    #expect(CompactComponents.read("[1,50,30]", layout: 2, template: template)?.first?.contribution == 30)
    #expect(CompactComponents.read("[1,50,30,2]", layout: 2, template: template) == nil)
    #expect(CompactComponents.read("[1,50]", layout: 2, template: template) == nil)
    #expect(CompactComponents.read("[1,50,30]", layout: 2, template: []) == nil)
}

@Test(arguments: Engine.allCases)
func theDetailsEveryResultEndsWithAreStoredOnceOnTheRunAndReadBackInTheirPlace(engine: Engine) throws {
    let (file, database, account, second) = try storeWithTwoAccounts(engine)
    let store = ScoreRunStore(database: database)
    let run = try begin(store)
    let fit: [(name: String, value: DetailValue)] = [("r", .number(0.25)), ("fit", .text("good \"fit\""))]
    let results = [
        ScoredAccount(accountID: "a", value: 2, band: "A", components: [], details: [("p_alive", .number(0.5))] + fit),
        // The same name with another value is the account's own, not shared.
        ScoredAccount(
            accountID: "b", value: 1, band: "B", components: [],
            details: [("p_alive", .number(0.9)), ("r", .number(0.5))] + fit.suffix(1)),
    ]
    let shared = SharedDetails.suffix(of: results)
    #expect(shared.map(\.name) == ["fit"])
    let writer = try store.resultWriter(runID: run, sharedDetails: shared)
    for (position, (result, row)) in zip(results, [account, second]).enumerated() {
        try writer.add(
            accountRowID: row, position: position + 1, value: result.value, band: result.band, components: [],
            details: result.details)
    }
    // A result that does not end with the run's shared details is refused, not stored without them.
    #expect(throws: StoreError.self) {
        try writer.add(
            accountRowID: second, position: 3, value: 0, band: "B", components: [], details: [("r", .number(1))])
    }
    try writer.finish()

    let stored = try database.makeStatement("SELECT details FROM score_results ORDER BY position").map {
        $0.text(0) ?? ""
    }
    #expect(stored == [#"{"p_alive":0.5,"r":0.25}"#, #"{"p_alive":0.9,"r":0.5}"#])
    let onRun = try database.makeStatement("SELECT shared_details FROM score_runs").map { $0.text(0) }
    #expect(onRun == [#"{"fit":"good \"fit\""}"#])
    let read = try store.results(runID: run)
    #expect(read.map { $0.details.map(\.name) } == results.map { $0.details.map(\.name) })
    #expect(read.map { $0.details.map(\.value) } == results.map { $0.details.map(\.value) })
    withExtendedLifetime(file) {}
}

@Test func aRunOfOneResultOrOfNoSharedTailSharesWhatItCan() {
    let one = ScoredAccount(accountID: "a", value: 1, band: "A", components: [], details: [("x", .integer(1))])
    #expect(SharedDetails.suffix(of: [one]).map(\.name) == ["x"])
    #expect(SharedDetails.suffix(of: []).isEmpty)
    let other = ScoredAccount(accountID: "b", value: 1, band: "A", components: [], details: [("x", .integer(2))])
    #expect(SharedDetails.suffix(of: [one, other]).isEmpty)
    let none = ScoredAccount(accountID: "c", value: 1, band: "A", components: [], details: [])
    #expect(SharedDetails.suffix(of: [one, none]).isEmpty)
    // Canonically equivalent text is stored as different bytes: not shared. The same NaN is the same bits.
    let composed = ScoredAccount(
        accountID: "e", value: 1, band: "A", components: [], details: [("x", .text("caf\u{E9}"))])
    let decomposed = ScoredAccount(
        accountID: "f", value: 1, band: "A", components: [], details: [("x", .text("cafe\u{301}"))])
    #expect(SharedDetails.suffix(of: [composed, decomposed]).isEmpty)
    #expect(SharedDetails.suffix(of: [composed, composed]).count == 1)
    // Text made apart (storage of its own) is shared when its bytes are the same, and not when one byte differs.
    let sentence = { (last: Character) in String(repeating: "fitted on 92k accounts; ", count: 8) + String(last) }
    let made = ["a", "a", "b"].map {
        ScoredAccount(
            accountID: $0, value: 1, band: "A", components: [], details: [("fit", .text(sentence(Character($0))))])
    }
    #expect(SharedDetails.suffix(of: Array(made.prefix(2))).count == 1)
    #expect(SharedDetails.suffix(of: made).isEmpty)
    let nan = ScoredAccount(accountID: "d", value: 1, band: "A", components: [], details: [("x", .number(.nan))])
    #expect(SharedDetails.suffix(of: [nan, nan]).count == 1)
    #expect(SharedDetails.ownCount(of: nan.details, shared: SharedDetails.suffix(of: [nan])) == 0)
}

@Test(arguments: Engine.allCases)
func aResultWhoseContributionsFollowFromItsNumbersStoresNoneAndReadsThemBackToTheBit(engine: Engine) throws {
    let (file, database, account, second) = try storeWithTwoAccounts(engine)
    let store = ScoreRunStore(database: database)
    let run = try begin(store)
    // Weights and values whose products round: the contribution read back must be the very double written.
    let weighted = [
        Component(signal: "r", raw: 0.1, normalised: 99.99782070979481, weight: 100.0 / 3),
        Component(signal: "f", raw: nil, normalised: 0.15705503512880561, weight: 200.0 / 3, isManual: true),
    ]
    // A model's share of a probability is not normalised x weight / 100: it keeps its contributions.
    let given = [
        Component(signal: "r", raw: 0.1, normalised: 10, weight: 100.0 / 3, contribution: 7),
        Component(signal: "f", raw: nil, normalised: 20, weight: 200.0 / 3, contribution: 1, isManual: true),
    ]
    let writer = try store.resultWriter(runID: run)
    try writer.add(accountRowID: account, position: 1, value: 30, band: "A", components: weighted, details: [])
    try writer.add(accountRowID: second, position: 2, value: 8, band: "B", components: given, details: [])
    try writer.finish()
    let stored = try database.makeStatement(
        "SELECT components, components_layout FROM score_results ORDER BY position"
    ).map { [$0.text(0) ?? "", String($0.integer(1))] }
    #expect(stored == [["[0.1,99.99782070979481,null,0.15705503512880561]", "3"], ["[0.1,10,7,null,20,1]", "2"]])
    let read = try store.results(runID: run).map(\.components)
    #expect(read == [weighted, given])
    #expect(read[0].map(\.contribution.bitPattern) == weighted.map(\.contribution.bitPattern))
    withExtendedLifetime(file) {}
}
