import Foundation

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
        let days = daysFromCivil(year: year, month: month, day: day)
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
        let (year, month, day) = civilFromDays(days)
        return (
            String(format: "%04d-%02d-%02d", Int(year), Int(month), Int(day)),
            String(format: "%02d:%02d:%02d", Int(inDay / 3_600), Int(inDay % 3_600 / 60), Int(inDay % 60))
        )
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func daysFromCivil(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func civilFromDays(_ days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
