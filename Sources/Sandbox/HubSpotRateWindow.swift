import Foundation

/// HubSpot's rolling rate-limit window, when one is set: every answer but search's carries `X-HubSpot-RateLimit-Max`,
/// `-Remaining` and `-Interval-Milliseconds`, and a request over the limit gets the 429 `TEN_SECONDLY_ROLLING`
/// (https://developers.hubspot.com/docs/api/usage-details).
///
/// Off unless asked for, so tests and the demo run at full speed.
final class HubSpotRateWindow: @unchecked Sendable {
    private let lock = NSLock()
    private var limit: (max: Int, milliseconds: Int)?
    private var sent: [Date] = []
    private var refusals = 0

    /// Requests answered with the 429 since the window was set.
    var refused: Int {
        lock.lock()
        defer { lock.unlock() }
        return refusals
    }

    /// Sets the window: at most `max` requests in any `milliseconds`; nil turns it off.
    func set(max: Int?, milliseconds: Int) {
        lock.lock()
        defer { lock.unlock() }
        limit = max.map { ($0, milliseconds) }
        sent = []
        refusals = 0
    }

    /// Counts a request: the headers its answer carries, and whether it is over the limit; nil with no window set.
    func take() -> (headers: [String: String], over: Bool)? {
        lock.lock()
        defer { lock.unlock() }
        guard let limit else { return nil }
        let now = Date()
        sent.removeAll { now.timeIntervalSince($0) * 1_000 >= Double(limit.milliseconds) }
        let over = sent.count >= limit.max
        if over { refusals += 1 } else { sent.append(now) }
        let headers = [
            "X-HubSpot-RateLimit-Max": String(limit.max),
            "X-HubSpot-RateLimit-Remaining": String(max(0, limit.max - sent.count)),
            "X-HubSpot-RateLimit-Interval-Milliseconds": String(limit.milliseconds),
        ]
        return (headers, over)
    }

    /// The 429 HubSpot answers over search's own limit (4 a second per token); search answers carry no rate headers.
    static func overSearchLimit() -> Reply {
        .json(
            429,
            [
                "status": "error", "message": "You have reached your secondly limit.", "errorType": "RATE_LIMIT",
                "correlationId": UUID().uuidString.lowercased(), "policyName": "SECONDLY", "groupName": "search",
            ])
    }

    /// The 429 HubSpot answers over the limit.
    static func overLimit(headers: [String: String]) -> Reply {
        .json(
            429,
            [
                "status": "error", "message": "You have reached your ten_secondly_rolling limit.",
                "errorType": "RATE_LIMIT",
                "correlationId": UUID().uuidString.lowercased(), "policyName": "TEN_SECONDLY_ROLLING",
                "groupName": "api",
            ], headers: headers)
    }
}
