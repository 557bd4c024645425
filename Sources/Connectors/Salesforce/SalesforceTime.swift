import Foundation
import ScoreKit

/// Salesforce datetimes: `2025-06-01T10:30:00.000+0000` on the wire (no colon in the offset), `2025-06-01T10:30:00Z`
/// as unquoted SOQL literals.
public enum SalesforceTime {
    /// Unix milliseconds of a Salesforce datetime (`+0000`, `+00:00` or `Z` offsets, milliseconds optional).
    public static func milliseconds(_ text: String) -> Int64? {
        let bytes = Array(text.utf8)
        func number(_ start: Int, _ count: Int) -> Int64? {
            guard start + count <= bytes.count else { return nil }
            var value: Int64 = 0
            for byte in bytes[start..<start + count] {
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int64(byte - 48)
            }
            return value
        }
        guard bytes.count >= 20, bytes[4] == 45, bytes[7] == 45, bytes[10] == 84, bytes[13] == 58, bytes[16] == 58,
            let year = number(0, 4), let month = number(5, 2), let day = number(8, 2), let hour = number(11, 2),
            let minute = number(14, 2), let second = number(17, 2), (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        var position = 19
        var millis: Int64 = 0
        if position < bytes.count, bytes[position] == 46 {
            var digits = 0
            position += 1
            while position < bytes.count, bytes[position] >= 48, bytes[position] <= 57 {
                if digits < 3 { millis = millis * 10 + Int64(bytes[position] - 48) }
                digits += 1
                position += 1
            }
            guard digits > 0 else { return nil }
            for _ in digits..<max(digits, 3) { millis *= 10 }
        }
        guard position < bytes.count else { return nil }
        var offsetMinutes: Int64 = 0
        switch bytes[position] {
        case 90:  // Z
            guard position + 1 == bytes.count else { return nil }
        case 43, 45:  // + or -
            let sign: Int64 = bytes[position] == 43 ? 1 : -1
            let rest = bytes.count - position - 1
            guard let hours = number(position + 1, 2) else { return nil }
            let minutesStart = rest == 5 && bytes[position + 3] == 58 ? position + 4 : position + 3
            guard rest == 4 || rest == 5, let minutes = number(minutesStart, 2) else { return nil }
            offsetMinutes = sign * (hours * 60 + minutes)
        default:
            return nil
        }
        guard let date = Day(year: Int(year), month: Int(month), day: Int(day)) else { return nil }
        let days = Int64(date.ordinal)
        let seconds = days * 86_400 + hour * 3_600 + minute * 60 + second - offsetMinutes * 60
        return seconds * 1_000 + millis
    }

    /// The wire form of unix milliseconds, as Salesforce writes it: `2025-06-01T10:30:00.000+0000`.
    public static func wire(_ milliseconds: Int64) -> String {
        let (date, time) = split(milliseconds)
        return date + "T" + time + String(format: ".%03d+0000", Int(((milliseconds % 1_000) + 1_000) % 1_000))
    }

    /// An unquoted SOQL datetime literal for unix seconds: `2025-06-01T10:30:00Z`.
    public static func literal(seconds: Int64) -> String {
        let (date, time) = split(seconds * 1_000)
        return date + "T" + time + "Z"
    }

    private static func split(_ milliseconds: Int64) -> (String, String) {
        let seconds = Int64((Double(milliseconds) / 1_000).rounded(.down))
        let days = Int64((Double(seconds) / 86_400).rounded(.down))
        let inDay = seconds - days * 86_400
        return (
            Day(ordinal: Int(days)).description,
            String(format: "%02d:%02d:%02d", Int(inDay / 3_600), Int(inDay % 3_600 / 60), Int(inDay % 60))
        )
    }
}
