import Foundation
import ScoreKit
import Store
import Testing

@testable import Host

private let asOf = Day(year: 2025, month: 1, day: 1) ?? Day(ordinal: 0)
private let decayedUses = FactKey.decayedKeyFeatureUses(halfLifeDays: 30, windowDays: 90)
private let decayedRises = FactKey.decayedExpansions(halfLifeDays: 30, windowDays: 90)
private let peak = FactKey.peakActiveUsers(windowDays: 30)

/// acme's account facts as of the day.
private func acmeFacts(_ scratch: Scratch) throws -> [FactKey: Double] {
    let keys: [FactKey] = [.country("us"), .country("gb"), .industry("software"), decayedUses, decayedRises, peak]
    let (facts, _) = try FactLoader(database: scratch.database).load(keys, asOf: asOf)
    let row = try #require(facts.accounts.firstIndex { $0.id == "acme" })
    var result: [FactKey: Double] = [:]
    for key in keys {
        if let value = facts.column(key)[row] { result[key] = value }
    }
    return result
}

@Test(arguments: Engine.allCases) func accountFactsDecayWithAgeAndIgnoreRowsDatedAfterTheAsOfDay(engine: Engine) throws
{
    let scratch = try Scratch(engine: engine)
    try scratch.importText(
        .accounts, "accounts.csv", "account_id,name,industry,employees,country\nacme,Acme,Software,200,us\n")
    try scratch.importText(
        .usage, "usage.csv",
        """
        account_id,day,active_users,key_feature_uses
        acme,2024-09-01,40,100
        acme,2024-12-02,7,8
        acme,2024-12-31,5,10
        """)
    try scratch.importText(
        .mrr, "mrr.csv",
        """
        change_id,account_id,effective_date,mrr_cents
        m1,acme,2024-06-01,1000
        m2,acme,2024-12-02,1200
        m3,acme,2024-12-20,1100
        """)
    let before = try acmeFacts(scratch)

    // Uses 10 a day old and 8 thirty days old (one half-life); the 100 of September is outside the 90 days. The peak
    // of active users in the last 30 days leaves out 2024-12-02 (30 days back is the window's open end). Of the MRR
    // changes only the rise of 2024-12-02 is recent, and it is one half-life old; the fall of 2024-12-20 is no rise.
    #expect(before[.country("us")] == 1 && before[.country("gb")] == 0 && before[.industry("software")] == 1)
    let uses = try #require(before[decayedUses])
    #expect(abs(uses - (10 * pow(0.5, 1.0 / 30) + 4)) < 1e-9)
    #expect(before[decayedRises] == 0.5)
    #expect(before[peak] == 5)

    try scratch.importText(
        .usage, "later-usage.csv", "account_id,day,active_users,key_feature_uses\nacme,2025-01-02,50,999\n")
    try scratch.importText(
        .mrr, "later-mrr.csv", "change_id,account_id,effective_date,mrr_cents\nm4,acme,2025-01-05,5000\n")
    #expect(try acmeFacts(scratch) == before)
}
