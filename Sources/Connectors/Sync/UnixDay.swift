import ScoreKit

/// Days from unix seconds without a date formatter (making one per record cost most of a Stripe sync's time).
enum UnixDay {
    /// `2025-06-04` for unix seconds (a JSON number), or nil when absent or outside years 1 to 9999.
    static func text(_ value: Any?) -> String? {
        JSONNumber.int64(value).flatMap(text(seconds:))
    }

    /// `2025-06-04` for unix seconds, or nil outside years 1 to 9999 (never a trap, whatever the server sent).
    static func text(seconds: Int64) -> String? {
        guard CheckedNumber.secondsRange.contains(seconds) else { return nil }
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        return Day(ordinal: Int(days)).description
    }
}
