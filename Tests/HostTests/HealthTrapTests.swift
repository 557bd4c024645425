import HealthScore
import ScoreKit
import Testing

/// Seed 004's health-score trap, shown and then avoided by normalisation.
private let asOf = Day(year: 2025, month: 1, day: 1) ?? Day(ordinal: 0)

/// A base of accounts with spread-out signals; `tickets` overrides one account's unresolved tickets.
private func base(moving id: String, tickets: Double) -> FactTable {
    let rows = (0..<12).map { index -> (account: AccountRef, facts: [FactKey: Double]) in
        let name = "a\(index)"
        let users = Double(5 + index * 45)  // 5 ... 500 active users a day
        var unresolved = index == 6 ? 40 : Double((index * 7) % 40)  // 0 (a0) ... 40 (a6)
        if name == id { unresolved = tickets }
        return (
            AccountRef(id: name, name: name),
            [
                .invoicesDue(windowDays: 365): 12, .invoicesPaidOnTime(windowDays: 365): Double(6 + index % 7),
                .averageActiveUsers(windowDays: 30): users,
                .keyFeatureUses(windowDays: 30): users * Double(1 + index % 5),
                .unresolvedTickets: unresolved, .highPriorityTickets(windowDays: 90): 0,
            ]
        )
    }
    return FactTable(asOf: asOf, rows: rows)
}

@Test func activeUsersNoLongerDrownRenewalAndTickets() throws {
    // The seed's table scored impact (1-10) times frequency, so a11's 500 active users were over 90% of its total
    // and its 40 unresolved tickets cost next to nothing. Normalised, usage adds at most its weight and the most
    // tickets earn no support points.
    let scores = try HealthScore.score(base(moving: "a11", tickets: 40), configuration: HealthConfiguration())
    let busiest = try #require(scores.first { $0.accountID == "a11" })
    let usage = try #require(busiest.components.first { $0.signal == "feature_usage" })
    let support = try #require(busiest.components.first { $0.signal == "support" })
    #expect(usage.contribution <= usage.weight + 1e-9)
    #expect(usage.contribution / busiest.value < 0.9, "usage is \(usage.contribution) of \(busiest.value)")
    #expect(support.contribution < 1e-9)
    let calmest = try #require(scores.first { $0.accountID == "a0" })
    #expect(abs((calmest.components.first { $0.signal == "support" }?.contribution ?? 0) - support.weight) < 1e-9)
}

@Test func afterNormalisationNoSignalAddsMoreThanItsWeight() throws {
    let scores = try HealthScore.score(base(moving: "", tickets: 0), configuration: HealthConfiguration())
    #expect(scores.count == 12)
    for score in scores {
        for component in score.components {
            #expect(component.contribution <= component.weight + 1e-9, "\(score.accountID) \(component.signal)")
            #expect(component.contribution >= 0)
        }
    }
    // Someone reaches each signal's full weight: the cap is reached, not just respected.
    for signal in ["renewal", "feature_usage", "support"] {
        let best = scores.map { $0.components.first { $0.signal == signal }?.contribution ?? 0 }.max() ?? 0
        let weight = scores.first?.components.first { $0.signal == signal }?.weight ?? -1
        #expect(abs(best - weight) < 1e-9, "\(signal)")
    }
}

@Test(arguments: [25.0, 30.0])
func movingTicketsFromTheLowestToTheHighestCostsExactlyTheSupportWeight(supportWeight: Double) throws {
    var configuration = HealthConfiguration()
    configuration.weights = ["renewal": 40, "feature_usage": 60 - supportWeight, "support": supportWeight]
    try configuration.validate()
    // a3 starts at 0 tickets (the lowest, shared with a0) and moves to 40 (the highest, held by a6).
    let before = try HealthScore.score(base(moving: "a3", tickets: 0), configuration: configuration)
    let after = try HealthScore.score(base(moving: "a3", tickets: 40), configuration: configuration)
    let valueBefore = try #require(before.first { $0.accountID == "a3" }).value
    let valueAfter = try #require(after.first { $0.accountID == "a3" }).value
    #expect(abs((valueBefore - valueAfter) - supportWeight) < 1e-9)
    // Nobody else moves: the ends of the distribution are held by other accounts.
    for (old, new) in zip(before, after) where old.accountID != "a3" {
        #expect(abs(old.value - new.value) < 1e-9, "\(old.accountID)")
    }
}
