import Foundation

/// How the HTTP client connects, waits and retries.
public struct HTTPOptions: Sendable {
    /// Time to establish a connection.
    public var connectTimeoutMilliseconds = 10_000
    /// Time for a whole request.
    public var totalTimeoutMilliseconds = 60_000
    /// Sent as `User-Agent`.
    public var userAgent = "scorebook/\(ConnectorsVersion.current) (+libcurl)"
    /// A CA bundle to verify TLS with, instead of the system's.
    public var caFile: String?
    /// Attempts per request, the first included.
    public var maxAttempts = 6
    /// The first backoff's ceiling, in seconds; it doubles per attempt (full jitter).
    public var baseDelay = 0.5
    /// The largest backoff, in seconds; a longer `Retry-After` is honoured up to `maxRetryAfter`.
    public var maxDelay = 30.0
    /// The longest pause the client takes when a server asks for one (`Retry-After`, a rate-limit window) before
    /// giving up with a clear message.
    public var maxRetryAfter = 120.0
    /// The largest response body read; a larger one stops the request (not retried).
    ///
    /// 64 MiB: a page of the largest batches (Salesforce's 2,000 records) is a few MiB.
    public var maxBodyBytes = 64 << 20
    /// When set, no request starts or waits past it: the sync stops with one line instead.
    public var deadline: Date?

    /// Options with the defaults.
    public init() {}
}

/// The version sent in the User-Agent.
public enum ConnectorsVersion {
    public static let current = "0.1.0"
}
