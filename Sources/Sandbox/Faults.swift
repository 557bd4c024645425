import Foundation

/// A misbehaviour the Sandbox applies to the next requests whose path contains a pattern.
struct Fault: Sendable {
    /// What goes wrong.
    enum Kind: String, Sendable {
        case rateLimit = "rate_limit"
        case rateLimitWithoutRetryAfter = "rate_limit_no_retry_after"
        case serverError = "server_error"
        case slow
        case cutOff = "cut_off"
        case invalidJSON = "invalid_json"
        case expiredToken = "expired_token"
        case dailyCap = "daily_cap"
        case requestLimit = "request_limit"
        /// Salesforce's 400 INVALID_QUERY_LOCATOR, as for a locator that expired or was closed.
        case invalidLocator = "invalid_locator"
        /// The data changes after this page is answered: invoices paid, companies renamed, a customer deleted, deals
        /// won and tickets closed.
        case changeData = "change_data"
        /// The previous answer on the same path again, as a proxy ignoring the page cursor would give: the first
        /// faulted request is answered as usual, the next ones repeat it.
        case repeatPage = "repeat_page"
        /// A 401 whose error message echoes the request's `Authorization` header, as some proxies and APIs do.
        case echoToken = "echo_token"
        /// Salesforce's `nextRecordsUrl` pointing off the instance (`@other-host/...`), with `done: false`.
        case foreignNext = "foreign_next"
        /// A 200 whose body is `bytes` long.
        case hugeBody = "huge_body"
        /// HubSpot's rate-limit headers with none remaining and a window of a thousand days.
        case longRateWindow = "long_rate_window"
        /// The first record of a list page with `field` (dotted) set to the JSON number `literal` as written.
        case hugeNumber = "huge_number"
        /// A Stripe list page with no objects that says `has_more: true` (the Sandbox serves none unless asked).
        case emptyPage = "empty_page"
        /// Stripe's 404 `resource_missing`, as for an object Stripe no longer has at all.
        case notFound = "not_found"
    }

    let kind: Kind
    let pathContains: String
    var remaining: Int
    let retryAfter: Int
    let delayMilliseconds: Int
    /// huge_body: the body's size.
    var bytes = 0
    /// huge_number: the record's field and the number's text.
    var field = ""
    var literal = ""
}

/// The faults in force, switchable from flags and from the control endpoint.
final class FaultBoard: @unchecked Sendable {
    private let lock = NSLock()
    private var faults: [Fault] = []

    /// Adds a fault.
    func add(_ fault: Fault) {
        lock.lock()
        defer { lock.unlock() }
        faults.append(fault)
    }

    /// Removes every fault.
    func clear() {
        lock.lock()
        defer { lock.unlock() }
        faults.removeAll()
    }

    /// The fault for a request path, used up by one; nil when none applies.
    func take(for path: String) -> Fault? {
        lock.lock()
        defer { lock.unlock() }
        guard let index = faults.firstIndex(where: { path.contains($0.pathContains) && $0.remaining != 0 }) else {
            return nil
        }
        if faults[index].remaining > 0 { faults[index].remaining -= 1 }
        return faults[index]
    }

    /// Parses a fault spec from the command line, `KIND:PATH[:TIMES]` (such as `rate_limit:/v1/invoices:2`).
    static func parse(_ spec: String) -> Fault? {
        let parts = spec.split(separator: ":", maxSplits: 2).map(String.init)
        guard let first = parts.first, let kind = Fault.Kind(rawValue: first) else { return nil }
        let path = parts.count > 1 ? parts[1] : "/"
        let times = parts.count > 2 ? Int(parts[2]) ?? 1 : -1
        return Fault(kind: kind, pathContains: path, remaining: times, retryAfter: 1, delayMilliseconds: 2_000)
    }
}

/// The Sandbox's latest answer on each path, which the `repeat_page` fault gives again (per path, so clients that page
/// through several lists at once each get their own previous page).
final class LastReply: @unchecked Sendable {
    private let lock = NSLock()
    private var replies: [String: Reply] = [:]

    /// Keeps an answer, replacing the path's one before.
    func keep(_ reply: Reply, for path: String) {
        lock.lock()
        defer { lock.unlock() }
        replies[path] = reply
    }

    /// Forgets the answers kept for the paths that contain `fragment`.
    func forget(pathsContaining fragment: String) {
        lock.lock()
        defer { lock.unlock() }
        replies = replies.filter { !$0.key.contains(fragment) }
    }

    /// The answer kept for this path.
    func reply(for path: String) -> Reply? {
        lock.lock()
        defer { lock.unlock() }
        return replies[path]
    }
}
