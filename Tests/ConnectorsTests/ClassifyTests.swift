import Testing

@testable import Connectors

private func response(_ status: Int, _ body: String, headers: [String: String] = [:]) -> HTTPResponse {
    HTTPResponse(status: status, headers: headers, body: Array(body.utf8))
}

@Test func stripeRateLimitsAreRetriedHonouringRetryAfter() {
    let verdict = StripeSource.classify(
        response(
            429, #"{"error":{"type":"invalid_request_error","code":"rate_limit","message":"slow down"}}"#,
            headers: ["retry-after": "2"]))
    #expect(verdict == .retry(after: 2, reason: "HTTP 429 invalid_request_error: rate_limit: slow down"))
}

@Test func stripeAuthenticationErrorsAreNotRetried() {
    let verdict = StripeSource.classify(
        response(401, #"{"error":{"type":"invalid_request_error","message":"Invalid API Key provided: ****abcd"}}"#))
    #expect(verdict == .fail("HTTP 401 invalid_request_error: Invalid API Key provided: ****abcd"))
}

@Test func stripeServerErrorsAreRetriedUnlessStripeSaysNot() {
    #expect(StripeSource.classify(response(500, "{}")) == .retry(after: nil, reason: "HTTP 500 "))
    #expect(StripeSource.classify(response(500, "{}", headers: ["stripe-should-retry": "false"])) == .fail("HTTP 500 "))
}

@Test func hubSpotDailyCapStopsTheSync() {
    let verdict = HubSpotSource.classify(
        response(429, #"{"status":"error","message":"You have reached your daily limit.","policyName":"DAILY"}"#))
    guard case .fail(let message) = verdict else {
        Issue.record("expected a failure, got \(verdict)")
        return
    }
    #expect(message.contains("daily limit reached"))
}

@Test func hubSpotTenSecondlyLimitWaitsForTheInterval() {
    let verdict = HubSpotSource.classify(
        response(
            429,
            #"{"status":"error","message":"You have reached your ten_secondly_rolling limit.","policyName":"TEN_SECONDLY_ROLLING"}"#,
            headers: ["x-hubspot-ratelimit-interval-milliseconds": "10000"]))
    #expect(verdict == .retry(after: 10, reason: "HTTP 429 You have reached your ten_secondly_rolling limit."))
}

@Test func retryAfterReadsSecondsAndDates() {
    #expect(HTTPClient.retryAfter(response(429, "", headers: ["retry-after": "7"])) == 7)
    #expect(HTTPClient.retryAfter(response(429, "")) == nil)
}

@Test func backoffStaysUnderItsCeilingWithFullJitter() throws {
    var options = HTTPOptions()
    options.baseDelay = 0.5
    options.maxDelay = 4
    let client = try HTTPClient(options: options, requestsPerSecond: 0)
    for attempt in 1...8 {
        let ceiling = min(4, 0.5 * Double(1 << (attempt - 1)))
        for _ in 0..<50 {
            let delay = client.backoff(attempt: attempt)
            #expect(delay >= 0 && delay <= ceiling)
        }
    }
}

@Test func aRefusedConnectionIsRetriedThenReportedInOneLine() throws {
    var options = HTTPOptions()
    options.maxAttempts = 2
    options.baseDelay = 0.01
    let client = try HTTPClient(options: options, requestsPerSecond: 0)
    #expect {
        _ = try client.send(HTTPRequest(url: "http://127.0.0.1:9/v1/customers"), what: "stripe customers page 1") { _ in
            .accept
        }
    } throws: { error in
        "\(error)" == "stripe customers page 1: curl 7 (Couldn't connect to server), still failing after 2 attempts"
    }
    #expect(client.retries == 1)
}
