import Foundation

/// A progress line for standard error on a terminal: a bar and percentage when the total is known, an ETA from the
/// pace so far, and the time taken; without a total, what is done and the time taken.
public struct ProgressBar: Sendable {
    /// What is being done ("importing invoices").
    public let label: String
    /// The total of the unit counted, when it is known.
    public let total: Double?
    /// When the work started.
    public let started: Date

    /// Starts a bar now.
    public init(_ label: String, total: Double?, started: Date = Date()) {
        self.label = label
        self.total = total
        self.started = started
    }

    /// The line for `done` units, with `detail` (the counts as people read them) after the bar.
    public func line(done: Double, detail: String, now: Date = Date()) -> String {
        let elapsed = now.timeIntervalSince(started)
        guard let total, total > 0 else { return "\(label): \(detail), \(Self.clock(elapsed))" }
        let fraction = min(1, max(0, done / total))
        let width = 24
        let filled = Int((fraction * Double(width)).rounded(.down))
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        let eta = fraction > 0 && elapsed > 0.5 ? ", ETA " + Self.clock(elapsed / fraction - elapsed) : ""
        return "\(label) [\(bar)] \(Int((fraction * 100).rounded(.down)))% \(detail), \(Self.clock(elapsed))\(eta)"
    }

    /// Seconds as m:ss, or h:mm:ss from an hour.
    public static func clock(_ seconds: Double) -> String {
        let whole = Int(max(0, seconds).rounded())
        let (hours, minutes, rest) = (whole / 3_600, whole / 60 % 60, whole % 60)
        let tail = String(format: "%02d", rest)
        return hours > 0 ? "\(hours):" + String(format: "%02d", minutes) + ":" + tail : "\(minutes):" + tail
    }

    /// Bytes as MB with one decimal.
    public static func megabytes(_ bytes: Double) -> String { String(format: "%.1f", bytes / 1_048_576) }
}
