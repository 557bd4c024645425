import Foundation
import ScoreKit
import Store
import Testing

@testable import Host

private let asOf = Day(year: 2025, month: 1, day: 1) ?? Day(ordinal: 0)

/// A new client's journey towards expansion, from seed 002's touchpoints of a new client's first months.
///
/// Onboarding, inquiries about new or different products, the first invoices. Touchpoint weights sum to 100, and the
/// fields and metrics inside each touchpoint sum to 100 again.
private let newClientYAML = """
    scores:
      new_client:
        module: account
        journey: new_client
        journeys:
          new_client:
            touchpoints:
              onboarding: {weight: 40, signals: {committee: 50, product_activity: 50}}
              inquiries: {weight: 35, signals: {open_pipeline: 60, promoter: 40}}
              first_invoice: {weight: 25, signals: {on_time_payments: 100}}
      account:
        module: account
    """

/// Two accounts' data in a scratch database.
///
/// alpha: one active user but contacts, an open deal, a promoter, invoices paid on time. beta: thirty active users
/// and no contacts, a lost deal still open on the day, a passive NPS, one invoice of two paid late. Rows dated after
/// the day (a contact's activity, an NPS answer, a deal) must not count.
private func newClientData() throws -> Scratch {
    let scratch = try Scratch()
    try scratch.importText(.accounts, "accounts.csv", "account_id,name\nalpha,Alpha\nbeta,Beta\n")
    try scratch.importText(
        .usage, "usage.csv",
        """
        account_id,day,active_users,key_feature_uses
        alpha,2025-01-01,1,10
        beta,2025-01-01,30,4
        """)
    try scratch.importText(
        .contacts, "contacts.csv",
        """
        contact_id,account_id,name,email,is_primary,last_activity_date
        c1,alpha,Ana,ana@alpha.example,yes,2024-12-15
        c1-crm,alpha,Ana,ANA@alpha.example,no,2024-12-20
        c2,alpha,Bo,bo@alpha.example,no,2024-11-01
        c3,alpha,Cy,cy@alpha.example,no,2024-06-01
        c4,alpha,Di,di@alpha.example,no,2025-01-03
        """)
    try scratch.importText(
        .invoices, "invoices.csv",
        """
        invoice_id,account_id,issued_date,due_date,paid_date,amount_due_cents,status
        i1,alpha,2024-11-01,2024-11-15,2024-11-10,1000,paid
        i2,alpha,2024-12-01,2024-12-15,2024-12-15,1000,paid
        i3,beta,2024-11-01,2024-11-15,2024-11-20,1000,paid
        i4,beta,2024-12-01,2024-12-15,2024-12-10,1000,paid
        """)
    try scratch.importText(
        .nps, "nps.csv",
        """
        response_id,account_id,responded_date,score
        n1,alpha,2024-12-01,9
        n2,beta,2024-12-01,6
        n3,beta,2025-01-02,10
        """)
    try scratch.database.execute(
        """
        INSERT INTO deals (source, external_id, account_id, name, amount_cents, created_date, close_date, is_closed,
                           is_won, raw)
        SELECT 'hubspot', d.id, a.id, d.id, d.amount, d.created, d.closed, d.is_closed, d.is_won, '{}'
        FROM accounts a JOIN (
            SELECT 'alpha' AS account, 'open' AS id, 30000 AS amount, '2024-12-01' AS created, NULL AS closed,
                   0 AS is_closed, 0 AS is_won
            UNION ALL SELECT 'beta', 'won-before', 50000, '2024-10-01', '2024-12-20', 1, 1
            UNION ALL SELECT 'beta', 'lost-after', 10000, '2024-11-01', '2025-01-10', 1, 0
            UNION ALL SELECT 'beta', 'created-after', 90000, '2025-01-05', NULL, 0, 0
        ) d ON d.account = a.external_id
        """)
    return scratch
}

/// The worked example, by hand.
///
/// Shares of the score (touchpoint weight x signal weight / 100): onboarding 40
/// (committee 20, product_activity 20), inquiries 35 (open_pipeline 21, promoter 14), first_invoice 25
/// (on_time_payments 25).
///
/// alpha: committee 2 engaged contacts (Ana once though written twice, Bo; Cy is quiet beyond 90 days, Di's activity
/// is after the day) of 6 = 33.3, where its 1 active user would have made 16.7; product activity 10 uses on the day
/// itself (decay 0.5^0 = 1) against beta's 4 → 100; pipeline 30,000 against beta's 10,000 (the lost deal was open on
/// the day; the won one closed before it, the newest did not exist yet) → 100; NPS 9 → promoter 100; 2 of 2 paid on
/// time → 100. Score 20/3 + 20 + 21 + 14 + 25 = 86.67: onboarding 26.67, inquiries 35, first_invoice 25.
///
/// beta: no contacts, so its committee is its 30 active users, full (100); activity 0; pipeline 0; NPS 6 (the 10
/// came after the day) → 0; 1 of 2 on time → 50. Score 20 + 12.5 = 32.5: onboarding 20, inquiries 0, first_invoice
/// 12.5.
@Test func aNewClientJourneyScoresAsWorkedByHand() throws {
    let scratch = try newClientData()
    let score = try ScorebookConfiguration.parse(yaml: newClientYAML, file: "t").score(named: "new_client")
    let (facts, _) = try FactLoader(database: scratch.database).load(score.facts, asOf: asOf)
    let scores = Dictionary(uniqueKeysWithValues: try score.score(facts).map { ($0.accountID, $0) })
    let alpha = try #require(scores["alpha"])
    let beta = try #require(scores["beta"])

    #expect(abs(alpha.value - (80 + 20.0 / 3)) < 1e-9)
    #expect(abs(beta.value - 32.5) < 1e-9)
    #expect(alpha.band == "Tier 1" && beta.band == "Tier 3")
    #expect(
        alpha.components.map(\.signal) == [
            "new_client.onboarding.committee", "new_client.onboarding.product_activity",
            "new_client.inquiries.open_pipeline", "new_client.inquiries.promoter",
            "new_client.first_invoice.on_time_payments",
        ])
    #expect(alpha.components.map(\.weight) == [20, 20, 21, 14, 25])
    #expect(alpha.components.map(\.raw) == [2, 10, 30_000, 9, 100])
    #expect(beta.components.map(\.raw) == [30, 4, 10_000, 6, 50])
    let alphaContributions = [20.0 / 3, 20, 21, 14, 25]
    for (component, expected) in zip(alpha.components, alphaContributions) {
        #expect(abs(component.contribution - expected) < 1e-9, "\(component.signal)")
    }
    #expect(abs(alpha.components.total - alpha.value) < 1e-12)
    #expect(alpha.detail("onboarding") == .number(26.67) && alpha.detail("inquiries") == .number(35))
    #expect(beta.detail("onboarding") == .number(20) && beta.detail("first_invoice") == .number(12.5))
    #expect(alpha.detail("committee_source") == .text("contacts"))
    #expect(beta.detail("committee_source") == .text("active_users"))
    #expect(score.higherIsBetter)
}

/// The groups' committee is engaged contacts where an account has contacts, its active users where it has none.
///
/// Under the old rule the committee was the peak of active users: alpha's 1 user would be 1 of 6. It is now alpha's
/// 2 engaged contacts, and beta, without contacts, keeps its 30 users (full).
@Test func theCommitteeComesFromEngagedContactsWhereThereAreAny() throws {
    let scratch = try newClientData()
    let score = try ScorebookConfiguration.parse(yaml: newClientYAML, file: "t").score(named: "account")
    let (facts, _) = try FactLoader(database: scratch.database).load(score.facts, asOf: asOf)
    let scores = Dictionary(uniqueKeysWithValues: try score.score(facts).map { ($0.accountID, $0) })
    let alpha = try #require(scores["alpha"]?.components.first { $0.signal == "engagement.committee" })
    let beta = try #require(scores["beta"]?.components.first { $0.signal == "engagement.committee" })
    #expect(alpha.raw == 2)
    #expect(abs(alpha.normalised - 100.0 / 3) < 1e-9)
    #expect(beta.raw == 30 && beta.normalised == 100)
    #expect(scores["alpha"]?.detail("committee_source") == .text("contacts"))
}

/// explain prints every tier in each signal's name, the shares as weights, contributions summing to the score, and
/// each touchpoint's points among the details.
@Test func explainShowsJourneyTouchpointAndSignal() throws {
    let scratch = try newClientData()
    let score = try ScorebookConfiguration.parse(yaml: newClientYAML, file: "t").score(named: "new_client")
    let summary = try ScoreRunner(database: scratch.database).run(score, asOf: asOf)
    let store = ScoreRunStore(database: scratch.database)
    let run = try #require(try store.run(id: summary.runID))
    let result = try #require(try store.results(runID: run.id, accountID: "alpha").first)
    let text = Explanation(run: run, result: result).render(.table)
    for line in [
        "new_client.onboarding.committee", "new_client.inquiries.open_pipeline",
        "new_client.first_invoice.on_time_payments",
    ] {
        #expect(text.contains(line), "\(text)")
    }
    #expect(text.contains("score 86.7, band Tier 1"), "\(text)")
    #expect(text.split(separator: "\n").contains { $0.hasPrefix("total") && $0.hasSuffix("86.67") }, "\(text)")
    #expect(text.contains("first_invoice: 25") && text.contains("onboarding: 26.67"), "\(text)")
}

/// A touchpoint weight so small that a signal's share underflows to 0 leaves that signal without a component; the
/// touchpoints' points still add up their own components, and nothing is read past the end.
@Test func aShareThatUnderflowsToZeroHasNoComponentAndTheTouchpointsStillAddUp() throws {
    let scratch = try newClientData()
    let yaml = """
        scores:
          tiny:
            module: account
            journey: tiny
            journeys:
              tiny:
                touchpoints:
                  onboarding: {weight: 100, signals: {committee: 50, product_activity: 50}}
                  inquiries: {weight: 5.0e-324, signals: {open_pipeline: 60, promoter: 40}}
        """
    let score = try ScorebookConfiguration.parse(yaml: yaml, file: "t").score(named: "tiny")
    let (facts, _) = try FactLoader(database: scratch.database).load(score.facts, asOf: asOf)
    let alpha = try #require(try score.score(facts).first { $0.accountID == "alpha" })
    // 5e-324 x 40 / 100 underflows to 0: the promoter has no component; the open pipeline, 60, keeps the smallest share.
    #expect(alpha.components.count == 3 && alpha.components.allSatisfy { $0.weight > 0 })
    #expect(
        alpha.components.map(\.signal).starts(with: ["tiny.onboarding.committee", "tiny.onboarding.product_activity"]))
    let onboarding = alpha.components.prefix(2).reduce(0) { $0 + $1.contribution }
    #expect(alpha.detail("onboarding") == .number((onboarding * 100).rounded() / 100))
}
