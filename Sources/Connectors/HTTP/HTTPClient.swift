import Foundation

/// What a source makes of a response: keep it, try again (after a pause), or stop with a reason.
public enum ResponseVerdict: Sendable, Equatable {
    case accept
    case retry(after: Double?, reason: String)
    case fail(String)
}

/// Sends requests on one reused libcurl handle, pacing them and retrying what the source says is retryable.
///
/// Connection errors, 5xx, 429 and unparsable bodies are retried with exponential backoff and full jitter
/// (AWS's "Exponential Backoff And Jitter"); `Retry-After` is honoured; 400/401/403/404 are not retried unless the
/// source's classifier says so.
public final class HTTPClient {
    private let curl: CurlEasy
    private let options: HTTPOptions
    private let pacer: RequestPacer
    private var random = SystemRandomNumberGenerator()
    /// Retries made so far, for the sync log.
    public private(set) var retries = 0
    /// Requests sent so far.
    public private(set) var requests = 0

    /// Creates a client that sends at most `requestsPerSecond` requests per second.
    public convenience init(options: HTTPOptions, requestsPerSecond: Double) throws {
        try self.init(options: options, pacer: RequestPacer(requestsPerSecond: requestsPerSecond))
    }

    /// Creates a client whose requests are spaced by a pacer it may share with other clients of the same API.
    public init(options: HTTPOptions, pacer: RequestPacer) throws {
        self.curl = try CurlEasy(options: options)
        self.options = options
        self.pacer = pacer
    }

    /// Sends a request until the classifier accepts the response, or fails with a reason naming `what`.
    ///
    /// Every attempt, each retry included, waits for `endpointPacer` (an endpoint's own limit, such as HubSpot's
    /// search) and then the client's pacer; a retry's pause holds the endpoint's pacer too, so no other request to
    /// that endpoint goes out before the retry.
    public func send(
        _ request: HTTPRequest, what: String, endpointPacer: RequestPacer? = nil,
        classify: (HTTPResponse) -> ResponseVerdict
    ) throws -> HTTPResponse {
        for header in request.headers where header.name.lowercased() == "authorization" {
            SecretRedactor.register(authorization: header.value)
        }
        var attempt = 0
        while true {
            attempt += 1
            try checkDeadline(what: what)
            endpointPacer?.wait()
            pacer.wait()
            let reason: String
            var retryAfter: Double?
            do {
                requests += 1
                let response = try curl.perform(request, timeoutMilliseconds: try timeout(what: what))
                if let pause = RateLimitHeaders.pause(after: response) {
                    guard pause <= options.maxRetryAfter else {
                        throw SyncError(
                            what: what,
                            reason: "the rate-limit window asks every request to wait \(Int(pause)) s, more "
                                + "than the \(Int(options.maxRetryAfter)) s scorebook waits; try again later")
                    }
                    pacer.hold(for: pause)
                }
                switch classify(response) {
                case .accept:
                    return response
                case .fail(let message):
                    throw SyncError(what: what, reason: message)
                case .retry(let after, let message):
                    reason = message
                    retryAfter = after
                }
            } catch let error as TransportError {
                reason = error.description
            } catch let error as ResponseTooLarge {
                throw SyncError(
                    what: what,
                    reason: "the response is larger than \(error.limit >> 20) MiB (max_body_mb); not read further")
            }
            guard attempt < options.maxAttempts else {
                throw SyncError(what: what, reason: "\(reason), still failing after \(attempt) attempts")
            }
            if let retryAfter, retryAfter > options.maxRetryAfter {
                throw SyncError(
                    what: what, reason: "\(reason); the server asks to wait \(Int(retryAfter)) s, try again later")
            }
            let pause = retryAfter ?? backoff(attempt: attempt)
            if let deadline = options.deadline, Date().addingTimeInterval(pause) > deadline {
                throw SyncError(what: what, reason: "\(reason); the deadline comes before the next try")
            }
            retries += 1
            endpointPacer?.hold(for: pause)
            Thread.sleep(forTimeInterval: pause)
        }
    }

    private func checkDeadline(what: String) throws {
        guard let deadline = options.deadline, Date() >= deadline else { return }
        throw SyncError(what: what, reason: "the deadline (--deadline) passed; stopping, what was written is kept")
    }

    /// The request's time limit: the options' total, or less when the deadline is nearer.
    private func timeout(what: String) throws -> Int {
        guard let deadline = options.deadline else { return options.totalTimeoutMilliseconds }
        let left = Int(deadline.timeIntervalSinceNow * 1_000)
        guard left > 0 else {
            throw SyncError(what: what, reason: "the deadline (--deadline) passed; stopping, what was written is kept")
        }
        return min(options.totalTimeoutMilliseconds, left)
    }

    /// Full jitter: a uniform pause between 0 and min(maxDelay, baseDelay x 2^(attempt-1)).
    func backoff(attempt: Int) -> Double {
        let ceiling = min(options.maxDelay, options.baseDelay * pow(2, Double(attempt - 1)))
        return Double.random(in: 0...ceiling, using: &random)
    }

    /// Seconds from a `Retry-After` header (seconds or an HTTP date).
    public static func retryAfter(_ response: HTTPResponse) -> Double? {
        guard let value = response.headers["retry-after"] else { return nil }
        if let seconds = Double(value) { return max(0, seconds) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: value).map { max(0, $0.timeIntervalSinceNow) }
    }
}

/// A sync failure said in one line: the source, the stream, where, and why.
public struct SyncError: Error, CustomStringConvertible, Sendable {
    /// `stripe invoices page 3`.
    public let what: String
    /// Why.
    public let reason: String

    /// Creates an error.
    public init(what: String, reason: String) {
        self.what = what
        self.reason = reason
    }

    /// One line, with no token in it (servers echo them in error bodies).
    public var description: String { SecretRedactor.scrub("\(what): \(reason)") }
}
