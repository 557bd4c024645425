import Foundation

/// Spaces requests to one API at least `1 / requestsPerSecond` apart, across every client of a source (the listing's
/// connections and the lookups made while writing share one pacer), and holds them all while the API says its window
/// is used up.
public final class RequestPacer: @unchecked Sendable {
    private let minimumInterval: Double
    private let lock = NSLock()
    private var next = Date.distantPast

    /// Creates a pacer; 0 or less means no spacing (holds still apply).
    public init(requestsPerSecond: Double) {
        self.minimumInterval = requestsPerSecond > 0 ? 1 / requestsPerSecond : 0
    }

    /// Waits until the next request may go.
    func wait() {
        lock.lock()
        let now = Date()
        let slot = max(now, next)
        next = slot.addingTimeInterval(minimumInterval)
        lock.unlock()
        let wait = slot.timeIntervalSince(now)
        if wait > 0 { Thread.sleep(forTimeInterval: wait) }
    }

    /// Lets no request go for `seconds` from now.
    func hold(for seconds: Double) {
        lock.lock()
        next = max(next, Date().addingTimeInterval(seconds))
        lock.unlock()
    }
}
