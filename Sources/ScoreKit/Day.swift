import Foundation

/// A calendar day in UTC, stored as the number of days since 1970-01-01.
///
/// Scores are computed as of a day, facts are filtered by day, and differences between days are whole numbers,
/// so no time zone or clock reading can move a recency boundary.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    /// Days since 1970-01-01.
    public let ordinal: Int

    /// Creates a day from its ordinal (days since 1970-01-01).
    public init(ordinal: Int) { self.ordinal = ordinal }

    /// Creates a day from its calendar fields; nil when they do not name a real date.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Day.daysIn(month: month, year: year) else { return nil }
        // Days from civil, after Howard Hinnant's algorithm.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        ordinal = era * 146_097 + doe - 719_468
    }

    /// Parses `YYYY-MM-DD`, also accepting a longer ISO 8601 timestamp whose first ten characters are the date.
    public init?(iso text: some StringProtocol) {
        var string = String(text)
        guard let day = string.withUTF8({ Day.parse($0) }) else { return nil }
        self = day
    }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Day? {
        guard bytes.count >= 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        if bytes.count > 10 && bytes[10] != UInt8(ascii: "T") && bytes[10] != UInt8(ascii: " ") { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let digit = Int(bytes[index]) &- 48
                guard (0...9).contains(digit) else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
        return Day(year: year, month: month, day: day)
    }

    /// Today in UTC.
    public static var today: Day {
        Day(ordinal: Int((Date().timeIntervalSince1970 / 86_400).rounded(.down)))
    }

    /// The calendar fields of this day.
    public var components: (year: Int, month: Int, day: Int) {
        let z = ordinal + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        let (year, month, day) = components
        if (0...9999).contains(year) {  // ten ASCII digits and dashes written in place: a sync formats millions
            return String(unsafeUninitializedCapacity: 10) { text in
                func write(_ value: Int, from start: Int, digits: Int) {
                    var rest = value
                    for index in (start..<start + digits).reversed() {
                        text[index] = UInt8(ascii: "0") + UInt8(rest % 10)
                        rest /= 10
                    }
                }
                write(year, from: 0, digits: 4)
                write(month, from: 5, digits: 2)
                write(day, from: 8, digits: 2)
                text[4] = UInt8(ascii: "-")
                text[7] = UInt8(ascii: "-")
                return 10
            }
        }
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// The day `days` later (earlier when negative).
    public func adding(days: Int) -> Day { Day(ordinal: ordinal + days) }

    /// Whole days from `other` to this day.
    public func days(since other: Day) -> Int { ordinal - other.ordinal }

    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.ordinal < rhs.ordinal }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let day = Day(iso: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "\"\(text)\" is not a date (YYYY-MM-DD)")
        }
        self = day
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
