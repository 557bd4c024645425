import ScoreKit
import Store
import Testing

@testable import Host

// Reference values from scikit-learn's roc_auc_score (scripts/reference/auc.py), ties included.
@Test func aucAgreesWithScikitLearnWithTies() throws {
    let scores = [0.9, 0.8, 0.8, 0.7, 0.6, 0.6, 0.6, 0.4, 0.3, 0.2, 0.2, 0.1]
    let labels = [1, 1, 0, 1, 0, 1, 0, 0, 1, 0, 0, 0].map { $0 == 1 }
    #expect(abs(try #require(ROC.auc(scores: scores, labels: labels)) - 0.7857142857142858) < 1e-9)
    #expect(try #require(ROC.auc(scores: [3, 3, 3, 3], labels: [true, false, true, false])) == 0.5)
    #expect(ROC.auc(scores: [1, 2], labels: [false, false]) == nil)
}

@Test func theCurveRunsFromOriginToCornerOnePointPerDistinctScore() {
    let curve = ROC.curve(scores: [0.9, 0.8, 0.8, 0.1], labels: [true, false, true, false])
    #expect(curve.count == 4)
    #expect(curve.first! == (0, 0))
    #expect(curve.last! == (1, 1))
}

@Test(arguments: Engine.allCases) func validationExcludesTheAlreadyLostAndReadsTheScoresDirection(engine: Engine) throws
{
    let scratch = try Scratch(engine: engine)
    try scratch.importText(.accounts, "accounts.csv", "account_id,name\na,A\nb,B\nc,C\nd,D\ne,E\n")
    try scratch.importText(
        .invoices, "invoices.csv",
        """
        invoice_id,account_id,issued_date,amount_due_cents,status
        1,a,2024-12-20,9000,paid
        2,b,2024-12-01,5000,paid
        3,c,2024-09-01,700,paid
        4,d,2024-05-01,100,paid
        5,e,2024-04-01,100,paid
        """)
    // d and c churn within 90 days after the day; e churned before it.
    try scratch.importText(
        .outcomes, "outcomes.csv",
        """
        account_id,event,event_date
        d,churned,2025-02-01
        c,churned,2025-03-15
        e,churned,2024-12-01
        a,renewed,2025-02-01
        """)
    let configuration = try ScorebookConfiguration.parse(yaml: "scores:\n  rfm:\n    module: value\n", file: "t")
    let summary = try ScoreRunner(database: scratch.database).run(
        configuration.scores[0], asOf: try #require(Day(iso: "2025-01-01")))
    let run = try #require(try ScoreRunStore(database: scratch.database).run(id: summary.runID))
    let validation = try Validation(
        run: run, higherIsBetter: true, outcome: "churned", horizonDays: 90, database: scratch.database)
    #expect(validation.excludedBefore == 1)
    #expect(validation.accounts == 4 && validation.positives == 2)
    // The low-value accounts are the ones that churned: a perfect backtest in the score's own direction.
    #expect(validation.auc == 1)
    #expect(validation.verdict.contains("above 0.85"))
    #expect {
        try Validation(run: run, higherIsBetter: true, outcome: "expanded", horizonDays: 90, database: scratch.database)
    } throws: { "\($0)".hasPrefix("no expanded outcome within 90 days after 2025-01-01") }
}
