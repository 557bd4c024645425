import Foundation

/// Days from unix seconds without a date formatter (making one per record cost most of a Stripe sync's time).
enum UnixDay {
    /// `2025-06-04` for unix seconds (a JSON number), or nil.
    static func text(_ value: Any?) -> String? {
        guard let seconds = (value as? NSNumber)?.int64Value else { return nil }
        let days = Int64((Double(seconds) / 86_400).rounded(.down))
        let (year, month, day) = SalesforceTime.civilFromDays(days)
        return String(format: "%04d-%02d-%02d", Int(year), Int(month), Int(day))
    }
}
