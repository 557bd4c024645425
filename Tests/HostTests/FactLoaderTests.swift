import ScoreKit
import Store
import Testing

@testable import Host

@Test(arguments: Engine.allCases) func factsSeeOnlyWhatWasKnownOnTheAsOfDay(engine: Engine) throws {
    let scratch = try Scratch(engine: engine)
    try scratch.importText(.accounts, "accounts.csv", "account_id,name\nacme,Acme\nnew,Newco\n")
    try scratch.importText(
        .invoices, "invoices.csv",
        """
        invoice_id,account_id,issued_date,paid_date,amount_due_cents,status
        i1,acme,2024-06-01,2024-06-05,1000,paid
        i2,acme,2024-12-20,2025-01-10,2000,paid
        i3,acme,2025-01-02,2025-01-03,4000,paid
        i4,new,2025-02-01,2025-02-01,500,paid
        i5,acme,2024-12-01,,8000,open
        """)
    let asOf = try #require(Day(iso: "2025-01-01"))
    let keys: [FactKey] = [
        .daysSinceLastPayment, .paidInvoices(windowDays: 365), .paidAmount(windowDays: 365), .lifetimeRevenue,
    ]
    let (facts, _) = try FactLoader(database: scratch.database).load(keys, asOf: asOf)
    #expect(facts.accounts.map(\.id) == ["acme", "new"])
    // i2 was issued before the day but paid after it; i3 and i4 come later; i5 is unpaid.
    #expect(facts.column(.daysSinceLastPayment) == [214, nil])
    #expect(facts.column(.paidInvoices(windowDays: 365)) == [1, nil])
    #expect(facts.column(.paidAmount(windowDays: 365)) == [1000, nil])
    #expect(facts.column(.lifetimeRevenue) == [1000, nil])
}

@Test(arguments: Engine.allCases) func windowsCountFromTheAsOfDayBack(engine: Engine) throws {
    let scratch = try Scratch(engine: engine)
    try scratch.importText(.accounts, "accounts.csv", "account_id,name\nacme,Acme\n")
    try scratch.importText(
        .invoices, "invoices.csv",
        """
        invoice_id,account_id,issued_date,amount_due_cents,status
        i1,acme,2024-10-01,100,paid
        i2,acme,2024-12-01,200,paid
        i3,acme,2022-01-01,400,paid
        """)
    let asOf = try #require(Day(iso: "2025-01-01"))
    let (facts, _) = try FactLoader(database: scratch.database).load(
        [.paidInvoices(windowDays: 90), .paidAmount(windowDays: 365), .tenureDays], asOf: asOf)
    #expect(facts.column(.paidInvoices(windowDays: 90)) == [1])
    #expect(facts.column(.paidAmount(windowDays: 365)) == [300])
    #expect(facts.column(.tenureDays) == [1096])
}

@Test(arguments: Engine.allCases) func theLatestAssessmentAnswerOnOrBeforeTheDayWins(engine: Engine) throws {
    let scratch = try Scratch(engine: engine)
    try scratch.importText(.accounts, "accounts.csv", "account_id,name\nacme,Acme\n")
    try scratch.importText(
        .assessments, "assessments.csv",
        """
        account_id,item,answer,author,assessed_date
        acme,need_fit,no,ana,2024-01-10
        acme,need_fit,yes,ben,2024-06-10
        acme,need_fit,no,ana,2025-03-01
        """)
    let (facts, _) = try FactLoader(database: scratch.database).load(
        [.assessment(item: "need_fit")], asOf: try #require(Day(iso: "2025-01-01")))
    #expect(facts.column(.assessment(item: "need_fit")) == [1])
}

@Test(arguments: Engine.allCases) func aRunStoresEveryScoredAccountBestFirst(engine: Engine) throws {
    let scratch = try Scratch(engine: engine)
    try scratch.importText(.accounts, "accounts.csv", "account_id,name\na,A\nb,B\nc,C\n")
    try scratch.importText(
        .invoices, "invoices.csv",
        """
        invoice_id,account_id,issued_date,amount_due_cents,status
        1,a,2024-12-20,100,paid
        2,b,2024-06-01,5000,paid
        3,b,2024-07-01,5000,paid
        """)
    let configuration = try ScorebookConfiguration.parse(yaml: "scores:\n  rfm:\n    module: value\n", file: "t")
    let summary = try ScoreRunner(database: scratch.database).run(
        configuration.scores[0], asOf: try #require(Day(iso: "2025-01-01")))
    #expect(summary.accountCount == 2)
    let results = try ScoreRunStore(database: scratch.database).results(runID: summary.runID)
    #expect(results.map(\.accountID) == ["b", "a"])
    #expect(results.map(\.position) == [1, 2])
    // Two accounts: k of n = 1 of 2 scores (5 + 1) / 2 = 3, 2 of 2 scores 5.
    #expect(results[0].details.map(\.name) == ["code", "r", "f", "m", "segment"])
    #expect(results[0].details.map(\.value) == [.text("355"), .integer(3), .integer(5), .integer(5), .text("Loyal")])
    #expect(
        results[1].details.map(\.value) == [
            .text("533"), .integer(5), .integer(3), .integer(3), .text("Potential Loyalist"),
        ])
}
