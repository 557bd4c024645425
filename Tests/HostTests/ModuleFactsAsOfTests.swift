import ScoreKit
import Store
import Testing

@testable import Host

/// Each fact of a module's configuration (defaults and `settings`) by account id as of a day; nil facts left out.
private func snapshot(module: String, _ scratch: Scratch, asOf: Day, settings: String = "") throws
    -> [String: [String: Double]]
{
    let yaml = "scores:\n  s:\n    module: \(module)\n" + (settings.isEmpty ? "" : "    \(settings)\n")
    let configuration = try ScorebookConfiguration.parse(yaml: yaml, file: "t")
    return try snapshot(configuration.scores[0].facts, scratch, asOf: asOf)
}

private func snapshot(_ keys: [FactKey], _ scratch: Scratch, asOf: Day) throws -> [String: [String: Double]] {
    let (facts, _) = try FactLoader(database: scratch.database).load(keys, asOf: asOf)
    var result: [String: [String: Double]] = [:]
    for key in keys {
        let column = facts.column(key)
        result[key.description] = Dictionary(
            uniqueKeysWithValues: facts.accounts.indices.compactMap { row in
                column[row].map { (facts.accounts[row].id, $0) }
            })
    }
    return result
}

/// Health weights that ask for every health fact, the optional signals' too.
private let everyHealthSignal =
    "weights: {renewal: 40, feature_usage: 20, support: 20, nps: 10, active_users_ratio: 10}"

private let asOf = Day(year: 2025, month: 1, day: 1) ?? Day(ordinal: 0)
private let later = Day(year: 2025, month: 3, day: 1) ?? Day(ordinal: 0)

/// Invoices of acme as of 2025-01-01: i1 on time, i2 paid 14 days late, i3 and i5 not due yet, i4 due 2024-12-15 and
/// paid only after the day (17 days late then), i6 uncollectible since 2024-10-01 (92 days late).
private let invoices = """
    invoice_id,account_id,issued_date,due_date,paid_date,amount_due_cents,amount_paid_cents,status
    i1,acme,2024-10-01,2024-10-31,2024-10-20,1000,1000,paid
    i2,acme,2024-11-01,2024-12-01,2024-12-15,1000,1000,paid
    i3,acme,2024-12-10,2025-01-09,2024-12-20,1000,1000,paid
    i4,acme,2024-12-01,2024-12-15,2025-01-05,4000,4000,paid
    i5,acme,2024-12-20,2025-01-19,,3000,1000,open
    i6,acme,2024-09-01,2024-10-01,,500,0,uncollectible
    """

private let futureInvoices = """
    invoice_id,account_id,issued_date,due_date,paid_date,amount_due_cents,amount_paid_cents,status
    f1,acme,2025-01-10,2025-02-09,2025-01-11,9000,9000,paid
    f2,acme,2025-01-15,2025-01-15,,7000,0,uncollectible
    f3,beta,2025-01-20,2025-02-19,2025-02-25,6000,6000,paid
    """

@Test(arguments: Engine.allCases) func healthFactsIgnoreRowsDatedAfterTheAsOfDay(engine: Engine) throws {
    let scratch = try Scratch(engine: engine)
    try scratch.importText(.accounts, "accounts.csv", "account_id,name,employees\nacme,Acme,100\nbeta,Beta,20\n")
    try scratch.importText(.invoices, "invoices.csv", invoices)
    try scratch.importText(
        .usage, "usage.csv",
        """
        account_id,day,active_users,key_feature_uses
        acme,2024-11-01,50,500
        acme,2024-12-20,4,8
        acme,2024-12-31,6,12
        """)
    try scratch.importText(
        .tickets, "tickets.csv",
        """
        ticket_id,account_id,opened_at,closed_at,priority,status
        t1,acme,2024-12-01T09:00:00Z,2024-12-02T10:00:00Z,high,closed
        t2,acme,2024-12-10T09:00:00Z,2025-01-03T10:00:00Z,High,closed
        t4,acme,2024-06-01T09:00:00Z,,low,open
        """)
    try scratch.importText(.nps, "nps.csv", "response_id,account_id,responded_date,score\nn1,acme,2024-11-01,9\n")
    let before = try snapshot(module: "health", scratch, asOf: asOf, settings: everyHealthSignal)

    // Due 4 (i1, i2, i4, i6), on time 1; 30 days of usage: uses 20 over 5 users a day; unresolved t2 (closed after
    // the day) and t4; high priority in 90 days t1 and t2.
    #expect(before["invoices_due[365d]"] == ["acme": 4])
    #expect(before["invoices_paid_on_time[365d]"] == ["acme": 1])
    #expect(before["key_feature_uses[30d]"] == ["acme": 20])
    #expect(before["average_active_users[30d]"] == ["acme": 5])
    #expect(before["unresolved_tickets"] == ["acme": 2])
    #expect(before["high_priority_tickets[90d]"] == ["acme": 2])
    #expect(before["latest_nps"] == ["acme": 9])

    try scratch.importText(.invoices, "future.csv", futureInvoices)
    try scratch.importText(
        .usage, "future-usage.csv",
        "account_id,day,active_users,key_feature_uses\nacme,2025-01-02,100,1000\nbeta,2025-01-05,3,3\n")
    try scratch.importText(
        .tickets, "future-tickets.csv",
        """
        ticket_id,account_id,opened_at,closed_at,priority,status
        t9,acme,2025-01-02T09:00:00Z,,urgent,open
        t10,beta,2025-01-02T09:00:00Z,,high,open
        """)
    try scratch.importText(
        .nps, "future-nps.csv", "response_id,account_id,responded_date,score\nn2,acme,2025-01-05,2\n")
    #expect(try snapshot(module: "health", scratch, asOf: asOf, settings: everyHealthSignal) == before)
    // The later rows are there: as of a later day they count.
    let afterwards = try snapshot(module: "health", scratch, asOf: later, settings: everyHealthSignal)
    #expect(afterwards["latest_nps"] == ["acme": 2])
    #expect(afterwards["unresolved_tickets"] == ["acme": 2, "beta": 1])
}

@Test(arguments: Engine.allCases) func creditFactsIgnoreRowsDatedAfterTheAsOfDay(engine: Engine) throws {
    let scratch = try Scratch(engine: engine)
    try scratch.importText(
        .accounts, "accounts.csv", "account_id,name,employees,industry\nacme,Acme,100,Retail\nbeta,Beta,20,software\n")
    try scratch.importText(.invoices, "invoices.csv", invoices)
    let keys: [FactKey] = [
        .invoicesIssued(windowDays: 365), .invoicedAmount(windowDays: 365), .averageDaysLate(windowDays: 365),
        .uncollectibleInvoices(windowDays: 365), .openBalance, .paidAmount(windowDays: 365), .employees,
        .industry("retail"),
    ]
    let before = try snapshot(keys, scratch, asOf: asOf)
    #expect(before["invoices_issued[365d]"] == ["acme": 6])
    #expect(before["invoiced_amount[365d]"] == ["acme": 10_500])
    // (0 + 14 + 17 + 92) / 4 invoices due.
    #expect(before["average_days_late[365d]"] == ["acme": 30.75])
    #expect(before["uncollectible_invoices[365d]"] == ["acme": 1])
    // i4 unpaid on the day, and what is left of i5; the uncollectible i6 is not a receivable.
    #expect(before["open_balance"] == ["acme": 6000])
    #expect(before["paid_amount[365d]"] == ["acme": 3000])
    #expect(before["employees"] == ["acme": 100, "beta": 20])
    #expect(before["industry[retail]"] == ["acme": 1, "beta": 0])
    let module = try snapshot(module: "credit", scratch, asOf: asOf)

    try scratch.importText(.invoices, "future.csv", futureInvoices)
    #expect(try snapshot(keys, scratch, asOf: asOf) == before)
    #expect(try snapshot(module: "credit", scratch, asOf: asOf) == module)
    #expect(try snapshot(keys, scratch, asOf: later)["invoices_issued[365d]"] == ["acme": 8, "beta": 1])
}

@Test(arguments: Engine.allCases) func referralFactsIgnoreAccountsAndPaymentsAfterTheAsOfDay(engine: Engine) throws {
    let scratch = try Scratch(engine: engine)
    try scratch.importText(
        .accounts, "accounts.csv",
        """
        account_id,name,created_date,referred_by,employees
        hub,Hub,2023-01-01,,5000
        kid,Kid,2024-03-01,hub,10
        grandkid,Grandkid,2024-06-01,kid,10
        """)
    try scratch.importText(
        .invoices, "invoices.csv",
        """
        invoice_id,account_id,issued_date,paid_date,amount_due_cents,status
        k1,kid,2024-12-01,2024-12-02,500,paid
        g1,grandkid,2024-12-05,2024-12-06,300,paid
        k2,kid,2024-12-20,2025-01-04,800,paid
        """)
    let before = try snapshot(module: "referral", scratch, asOf: asOf)
    #expect(before["referred_accounts[degree 1]"] == ["hub": 1, "kid": 1])
    // k2 was paid after the day.
    #expect(before["referred_revenue[degree 1, 365d]"] == ["hub": 500, "kid": 300])
    #expect(before["referred_revenue[degree 2, 365d]"] == ["hub": 300])

    try scratch.importText(
        .accounts, "future-accounts.csv", "account_id,name,created_date,referred_by\nnewbie,Newbie,2025-02-01,hub\n")
    try scratch.importText(
        .invoices, "future.csv",
        """
        invoice_id,account_id,issued_date,paid_date,amount_due_cents,status
        k3,kid,2025-01-10,2025-01-10,700,paid
        n1,newbie,2025-02-02,2025-02-02,9000,paid
        """)
    #expect(try snapshot(module: "referral", scratch, asOf: asOf) == before)
    let afterwards = try snapshot(module: "referral", scratch, asOf: later)
    #expect(afterwards["referred_accounts[degree 1]"] == ["hub": 2, "kid": 1])
    #expect(afterwards["referred_revenue[degree 1, 365d]"] == ["hub": 500 + 800 + 700 + 9000, "kid": 300])
}
