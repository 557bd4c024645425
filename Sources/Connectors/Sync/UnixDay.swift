import Foundation

/// Days from unix seconds without a date formatter (making one per record cost most of a Stripe sync's time).
enum UnixDay {
    /// `2025-06-04` for unix seconds (a JSON number), or nil.
    static func text(_ value: Any?) -> String? {
        guard let seconds = JSONNumber.int64(value) else { return nil }
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let (year, month, day) = SalesforceTime.civilFromDays(days)
        return digits(year, 4) + "-" + digits(month, 2) + "-" + digits(day, 2)
    }

    /// `value` in decimal, zero-padded on the left to `width` digits.
    static func digits(_ value: Int64, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
