import ScoreKit
import Store
import Testing

@testable import Host

private func scratchWithRuns(_ engine: Engine) throws -> (Scratch, ScoreRun, ScoreRun, ScoreRunStore) {
    let scratch = try Scratch(engine: engine)
    try scratch.importText(.accounts, "accounts.csv", "account_id,name\na,A\nb,B\nc,C\nd,D\n")
    try scratch.importText(
        .invoices, "invoices.csv",
        """
        invoice_id,account_id,issued_date,amount_due_cents,status
        1,a,2024-12-20,100,paid
        2,b,2024-06-01,5000,paid
        3,b,2024-07-01,5000,paid
        4,c,2024-11-01,700,paid
        5,d,2025-03-01,900,paid
        """)
    let configuration = try ScorebookConfiguration.parse(yaml: "scores:\n  rfm:\n    module: value\n", file: "t")
    let runner = ScoreRunner(database: scratch.database)
    let early = try runner.run(configuration.scores[0], asOf: try #require(Day(iso: "2025-01-01")))
    let late = try runner.run(configuration.scores[0], asOf: try #require(Day(iso: "2025-04-01")))
    let store = ScoreRunStore(database: scratch.database)
    return (scratch, try #require(try store.run(id: early.runID)), try #require(try store.run(id: late.runID)), store)
}

@Test(arguments: Engine.allCases) func comparingTwoRunsUsesOnlyTheirCommonAccounts(engine: Engine) throws {
    let (scratch, early, late, store) = try scratchWithRuns(engine)
    defer { withExtendedLifetime(scratch) {} }
    let comparison = try Comparison(first: early, second: late, store: store)
    #expect(comparison.isOverTime)
    #expect(comparison.pairs.map(\.accountID).sorted() == ["a", "b", "c"])
    #expect(comparison.onlyFirst == 0 && comparison.onlySecond == 1)
    #expect(comparison.crosstab.reduce(0) { $0 + $1.count } == 3)
    let (rises, falls) = comparison.movers(limit: 5)
    #expect((rises + falls).allSatisfy { $0.first != $0.second })
}

@Test(arguments: Engine.allCases) func referencesNameTheLatestRunARunIdOrADay(engine: Engine) throws {
    let (scratch, early, late, store) = try scratchWithRuns(engine)
    defer { withExtendedLifetime(scratch) {} }
    #expect(try RunReference("rfm").resolve(in: store).id == late.id)
    #expect(try RunReference("rfm@\(early.id)").resolve(in: store).id == early.id)
    #expect(try RunReference("rfm@2025-01-01").resolve(in: store).id == early.id)
    #expect(throws: HostError.self) { try RunReference("rfm@99").resolve(in: store) }
    #expect {
        try RunReference("rfm@2024-02-02").resolve(in: store)
    } throws: { "\($0)" == "score \"rfm\" has no run as of 2024-02-02 (see `scorebook runs rfm`)" }
    #expect {
        try RunReference("health").resolve(in: store)
    } throws: { "\($0)" == "score \"health\" has not been run yet (run `scorebook run health`)" }
}

@Test(arguments: Engine.allCases) func pruningKeepsTheNewestRunsAndTheirResults(engine: Engine) throws {
    let (scratch, early, late, store) = try scratchWithRuns(engine)
    #expect(try store.prune(scoreName: "rfm", keep: 1) == 1)
    #expect(try store.run(id: early.id) == nil)
    #expect(try store.values(runID: late.id).count == 4)
    let orphans = try scratch.database.makeStatement("SELECT count(*) FROM score_results WHERE run_id = ?")
        .map([.integer(early.id)]) { $0.integer(0) }.first
    #expect(orphans == 0)
}

@Test(arguments: Engine.allCases) func twoScoresWithNoAccountsInCommonAreRefusedInOneLine(engine: Engine) throws {
    let (scratch, _, late, store) = try scratchWithRuns(engine)
    try scratch.importText(.accounts, "more.csv", "account_id,name\ne,E\n")
    try scratch.importText(
        .assessments, "assessments.csv", "account_id,item,answer,author,assessed_date\ne,need_fit,yes,ana,2025-01-02\n")
    let configuration = try ScorebookConfiguration.parse(
        yaml: "scores:\n  team:\n    module: value\n    method: qualitative\n", file: "t")
    let summary = try ScoreRunner(database: scratch.database).run(
        configuration.scores[0], asOf: try #require(Day(iso: "2025-04-01")))
    let team = try #require(try store.run(id: summary.runID))
    #expect {
        try Comparison(first: late, second: team, store: store)
    } throws: { "\($0)" == "rfm run \(late.id) and team run \(team.id) have no accounts in common" }
}

@Test func tablesFitTheTerminalByShorteningTextColumns() {
    var table = TextTable(columns: ["account_id", "name", "score"], numeric: [2])
    table.rows = [["acc-000001", "A very long company name indeed, Incorporated", "99.5"]]
    let fitted = table.render(width: 40)
    #expect(fitted.split(separator: "\n").allSatisfy { $0.count <= 40 })
    #expect(fitted.contains("~"))
    #expect(fitted.contains("99.5"))
    #expect(table.render(width: nil).contains("Incorporated"))
}

@Test func fittedTablesNeverCutIdsOrNumbers() {
    var table = TextTable(columns: ["account_id", "name", "value", "m"], numeric: [2])
    table.rows = [
        ["acc-000001", "A very long company name indeed, Incorporated", "6426.75", "6426.754"],
        ["acc-000002", "Short Co", "12.5", "1"],
    ]
    let fitted = table.render(width: 40)
    for cell in ["acc-000001", "acc-000002", "6426.75", "6426.754"] {
        #expect(fitted.contains(cell), "\(cell) is printed whole")
    }
    #expect(fitted.contains("~"), "the name is what gives way")
}
