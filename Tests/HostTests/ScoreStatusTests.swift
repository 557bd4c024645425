import ScoreKit
import Testing

@testable import Host

/// As-of days, the refresh interval and what `scorebook scores` says of a run as of that day on 2025-03-31.
private let states: [(asOf: String, staleAfterDays: Int, state: String)] = [
    ("2025-03-31", 7, "fresh"),
    ("2025-03-24", 7, "fresh"),
    ("2025-03-23", 7, "stale (8 days, refresh every 7)"),
    ("2025-01-01", 30, "stale (89 days, refresh every 30)"),
]

@Test(arguments: states.indices)
func aRunIsStaleByTheDayItIsAsOf(_ index: Int) throws {
    let today = try #require(Day(iso: "2025-03-31"))
    let expected = states[index]
    #expect(
        ScoreStatus.state(asOf: expected.asOf, today: today, staleAfterDays: expected.staleAfterDays) == expected.state)
}
