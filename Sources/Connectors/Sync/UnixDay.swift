import ScoreKit

/// Days from unix seconds without a date formatter (making one per record cost most of a Stripe sync's time).
enum UnixDay {
    /// `2025-06-04` for unix seconds (a JSON number), or nil.
    static func text(_ value: Any?) -> String? {
        guard let seconds = JSONNumber.int64(value) else { return nil }
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        return Day(ordinal: Int(days)).description
    }
}
