import ScoreKit
import Store
import Testing

@testable import Host

private let asOf = Day(year: 2025, month: 1, day: 1) ?? Day(ordinal: 0)

/// The churn score's raw features for each account as of a day, by feature name.
private func churnFeatures(_ scratch: Scratch) throws -> [String: [String: Double?]] {
    let configuration = try ScorebookConfiguration.parse(yaml: "scores:\n  churn:\n    module: churn\n", file: "t")
    let score = configuration.scores[0]
    let (facts, _) = try FactLoader(database: scratch.database).load(score.facts, asOf: asOf)
    let features = try #require(score.features(facts))
    var result: [String: [String: Double?]] = [:]
    for (position, row) in features.rows.enumerated() {
        result[facts.accounts[row].id] = Dictionary(
            uniqueKeysWithValues: zip(features.names, features.values[position]).map { ($0, $1) })
    }
    return result
}

@Test(arguments: Engine.allCases) func churnFeaturesIgnoreRowsDatedAfterTheAsOfDay(engine: Engine) throws {
    let scratch = try Scratch(engine: engine)
    try scratch.importText(.accounts, "accounts.csv", "account_id,name\nacme,Acme\n")
    try scratch.importText(
        .mrr, "mrr.csv",
        "change_id,account_id,effective_date,mrr_cents\nm1,acme,2024-06-01,10000\nm2,acme,2024-11-15,8000\n")
    try scratch.importText(
        .invoices, "invoices.csv",
        """
        invoice_id,account_id,issued_date,due_date,paid_date,amount_due_cents,amount_paid_cents,status
        i1,acme,2024-11-12,2024-12-12,2024-12-20,8000,8000,paid
        i2,acme,2024-12-12,2025-01-11,2024-12-14,8000,8000,paid
        """)
    try scratch.importText(
        .usage, "usage.csv",
        "account_id,day,active_users,key_feature_uses\nacme,2024-11-20,3,30\nacme,2024-12-20,2,10\n")
    try scratch.importText(
        .tickets, "tickets.csv",
        "ticket_id,account_id,opened_at,closed_at,priority,status\nt1,acme,2024-12-01T09:00:00Z,,high,open\n")
    try scratch.importText(.nps, "nps.csv", "response_id,account_id,responded_date,score\nn1,acme,2024-12-01,5\n")
    let before = try churnFeatures(scratch)

    // Uses 10 in the last 30 days against 30 before: -66.7%. One urgent ticket; i1 paid 8 days late; NPS 5 is a
    // detractor's; MRR 10,000 90 days back, 8,000 now: 20% contraction; invoices 30 days apart, the last on
    // 2024-12-12: the next is due 2025-01-11, 10 days on.
    let acme = try #require(before["acme"])
    let trend = try #require(acme["usage_trend"] ?? nil)
    #expect(abs(trend - (-200.0 / 3)) < 1e-9)
    #expect(acme["high_priority_tickets"] == 1)
    #expect(acme["payment_issues"] == 1)
    #expect(acme["detractor"] == 1)
    #expect(acme["mrr_contraction"] == 20)
    #expect(acme["renewal_near"] == 10)

    try scratch.importText(
        .mrr, "later-mrr.csv", "change_id,account_id,effective_date,mrr_cents\nm3,acme,2025-01-10,0\n")
    try scratch.importText(
        .invoices, "later-invoices.csv",
        """
        invoice_id,account_id,issued_date,due_date,paid_date,amount_due_cents,amount_paid_cents,status
        i3,acme,2025-01-05,2025-01-06,,8000,0,uncollectible
        """)
    try scratch.importText(
        .usage, "later-usage.csv", "account_id,day,active_users,key_feature_uses\nacme,2025-01-02,9,900\n")
    try scratch.importText(
        .tickets, "later-tickets.csv",
        "ticket_id,account_id,opened_at,closed_at,priority,status\nt2,acme,2025-01-02T09:00:00Z,,urgent,open\n")
    try scratch.importText(
        .nps, "later-nps.csv", "response_id,account_id,responded_date,score\nn2,acme,2025-01-02,10\n")
    #expect(try churnFeatures(scratch) == before)
}
