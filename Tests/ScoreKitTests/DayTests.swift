import Foundation
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

@Test func daysOfYearsOneToNineThousandNineHundredNinetyNineAreWrittenInTenCharacters() throws {
    // Foundation's Gregorian calendar is Julian before October 1582; compare with it from 1600 on, and round-trip all.
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
    let first = try #require(Day(iso: "0001-01-01")).ordinal
    let last = try #require(Day(iso: "9999-12-31")).ordinal
    let sixteenHundred = try #require(Day(iso: "1600-01-01")).ordinal
    for ordinal in Array(stride(from: first, through: last, by: 97)) + [first, last] {
        let text = Day(ordinal: ordinal).description
        #expect(Day(iso: text)?.ordinal == ordinal, "\(text)")
        guard ordinal >= sixteenHundred else { continue }
        let date = Date(timeIntervalSince1970: Double(ordinal) * 86_400)
        let fields = calendar.dateComponents([.year, .month, .day], from: date)
        #expect(text == String(format: "%04d-%02d-%02d", fields.year ?? 0, fields.month ?? 0, fields.day ?? 0))
    }
    #expect(Day(ordinal: first).description == "0001-01-01")
    #expect(Day(ordinal: first - 1).description == "0000-12-31")
    #expect(Day(ordinal: last + 1).description == "10000-01-01")
}
