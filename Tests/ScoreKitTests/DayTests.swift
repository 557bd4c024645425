import Testing

@testable import ScoreKit

@Test(arguments: ["1970-01-01", "2024-02-29", "1999-12-31", "2026-11-26", "2000-03-01"])
func dayRoundTripsThroughText(_ text: String) throws {
    let day = try #require(Day(iso: text))
    #expect(day.description == text)
}

@Test(arguments: ["2024-13-45", "2023-02-29", "2024-1-05", "yesterday", "", "2024-01-01X"])
func impossibleDatesAreRejected(_ text: String) {
    #expect(Day(iso: text) == nil)
}

@Test func timestampsKeepTheirDate() {
    #expect(Day(iso: "2024-03-05T23:59:59Z")?.description == "2024-03-05")
}

@Test func dayArithmeticCountsWholeDays() throws {
    let newYear = try #require(Day(iso: "2025-01-01"))
    #expect(newYear.ordinal == 20_089)
    #expect(newYear.adding(days: -8).description == "2024-12-24")
    #expect(newYear.days(since: try #require(Day(iso: "2024-01-01"))) == 366)
}
