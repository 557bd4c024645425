import Foundation

/// The pace of HubSpot's search endpoints, kept per token: search has its own limit, 4 requests a second per token,
/// below the account's general one (SourceSettings.hubSpotSearchRequestsPerSecond).
///
/// Every attempt of a search, a retry after a 429 included, waits here and then for the general pacer too
/// (`HTTPClient.send`'s `endpointPacer`); every sync and `act` in this process on the same token shares one pace.
enum HubSpotSearchPacer {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var pacers: [String: RequestPacer] = [:]

    /// The pacer of searches made with `token`, at `requestsPerSecond` (set by the first sync that asks).
    static func pacer(token: String, requestsPerSecond: Double) -> RequestPacer {
        lock.lock()
        defer { lock.unlock() }
        if let pacer = pacers[token] { return pacer }
        let pacer = RequestPacer(requestsPerSecond: requestsPerSecond)
        pacers[token] = pacer
        return pacer
    }
}
