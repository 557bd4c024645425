import Host
import ScoreKit
import Testing

@testable import Store

/// A module that is not the value module: its details have names no renderer knows, in an order that is not
/// alphabetical, and its second account has one the first lacks.
private let run = ScoreRun(
    id: 7, scoreName: "fit", module: "other", configHash: "h", configuration: "{}", asOf: "2025-01-01",
    startedAt: "", finishedAt: "", accountCount: 2, kind: .current)

private let results = [
    StoredResult(
        accountID: "a", accountName: "A", position: 1, value: 80, band: "Gold",
        components: [Component(signal: "usage", raw: 12, normalised: 80, weight: 100)],
        details: [("zeta", .integer(3)), ("tier", .text("Gold")), ("alpha", .text("x\ny"))]),
    StoredResult(
        accountID: "b", accountName: "B", position: 2, value: 40, band: "Tin",
        components: [
            Component(signal: "usage", raw: nil, normalised: 40, weight: 100, contribution: 40, isManual: true)
        ],
        details: [("zeta", .number(0.5)), ("tier", .text("Tin")), ("alpha", .text("z")), ("extra", .integer(1))]),
]

@Test func explainListsTheDetailsInTheModulesOrder() {
    let text = Explanation(run: run, result: results[0]).render(.table)
    #expect(text.hasSuffix("\nzeta: 3, tier: Gold, alpha: x\ny"), "\(text)")
}

@Test func csvHasEveryDetailInTheModulesOrderThoseOnlySomeHaveWhereTheyFirstAppear() {
    let header = ResultRenderer(run: run, results: results).render(.csv).split(separator: "\n").first ?? ""
    #expect(header.hasPrefix("account_id,name,rank,score,band,run,as_of,kind,zeta,tier,alpha,extra,usage_raw,"))
}

@Test func theTableLeavesOutADetailThatIsTheBandOnEveryRow() {
    let table = ResultRenderer(run: run, results: results).render(.table)
    let columns = table.split(separator: "\n")[1].split(separator: " ").map(String.init)
    #expect(columns == ["#", "account_id", "name", "score", "band", "zeta", "alpha", "extra"], "\(table)")
    let relabelled = [
        results[0],
        StoredResult(
            accountID: "b", accountName: "B", position: 2, value: 40, band: "Tin", components: [],
            details: [("tier", .text("Gold"))]),
    ]
    #expect(ResultRenderer(run: run, results: relabelled).render(.table).split(separator: "\n")[1].contains("tier"))
}

@Test func jsonWritesTheComponentsAsObjectsAndTheDetailsInOrder() {
    let json = ResultRenderer(run: run, results: [results[1]]).render(.json)
    #expect(
        json.contains(
            #"{"account_id":"b","name":"B","rank":2,"score":40,"band":"Tin","components":[{"signal":"usage","raw":null,"#
                + #""normalised":40,"weight":100,"contribution":40,"manual":true}],"zeta":0.5,"tier":"Tin","alpha":"z","#
                + #""extra":1}"#), "\(json)")
}
