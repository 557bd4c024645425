/// What an API's rate-limit headers on an ordinary answer say about the next request.
///
/// HubSpot sends `X-HubSpot-RateLimit-Remaining` and `-Interval-Milliseconds` on every answer but search's: when none
/// remain in the rolling window, waiting out the window costs less than the 429 the next request would get.
enum RateLimitHeaders {
    /// Seconds to hold every request after `response`, or nil to go on.
    static func pause(after response: HTTPResponse) -> Double? {
        guard let remaining = response.headers["x-hubspot-ratelimit-remaining"].flatMap(Int.init), remaining <= 0 else {
            return nil
        }
        let interval = response.headers["x-hubspot-ratelimit-interval-milliseconds"].flatMap(Double.init) ?? 10_000
        return interval / 1_000
    }
}
