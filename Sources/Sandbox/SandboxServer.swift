import FlyingFox
import FlyingSocks
import Foundation
import Generator

/// The Sandbox: Stripe, HubSpot, Salesforce and Chargebee on 127.0.0.1 from the generator's data, with switchable
/// faults.
///
/// Control endpoints for tests and the demo: `POST /_sandbox/faults` (`{"kind": "rate_limit", "path": "/v1/invoices",
/// "times": 2, "retry_after": 1}`), `DELETE /_sandbox/faults`, `POST /_sandbox/mutate` (`{"paid": 5, "renamed": 3,
/// "archived": 1, "deleted": 1}`, `deals_won`, `deals_archived`, `tickets_closed`, `tickets_archived`, Stripe charges
/// `charges_failed`, `charges_refunded`, `charges_disputed`, and for the other two APIs `salesforce_renamed`,
/// `salesforce_deleted`, `salesforce_opportunities_won`, `salesforce_cases_closed`, `salesforce_contacts_deleted`,
/// `salesforce_contacts_moved`, `chargebee_paid`, `chargebee_renamed`, `chargebee_deleted`, `chargebee_cancelled`,
/// `chargebee_subscriptions_deleted`; `purged` and `purged_<kind>`, records gone past every retention window:
/// SandboxPurge),
/// `POST /_sandbox/hubspot_search_rate_limit` (`{"max": 4, "interval_ms": 1000}`: search's own window; `GET` says how
/// many searches it refused),
/// `POST /_sandbox/stripe_event_version` (`{"api_version": "2024-06-20"}`: new events rendered in that version's
/// shape), `GET /_sandbox/summary` (HubSpot and Stripe;
/// `?apis=salesforce,chargebee` for those two) and `POST /_sandbox/salesforce/expire_locators`.
/// A webhook receiver (`POST /_sandbox/webhook`, `GET /_sandbox/webhooks`) serves the tests of `scorebook act`.
public final class SandboxServer: @unchecked Sendable {
    /// Tokens the Sandbox accepts.
    public struct Credentials: Sendable {
        public var stripe = "sk_test_sandbox_4eC39HqLyjWDarjtT1zdp7dc"
        public var hubspot = "pat-na1-sandbox-0000-4000-8000-000000000000"
        public var salesforce = "00DSB000000sandbox!AQ4AQFakeSessionToken.sandbox0000000000"
        /// The connected app and refresh token Salesforce's OAuth refresh flow accepts.
        public var salesforceClientID = "3MVG9sandbox.client.id"
        public var salesforceClientSecret = "sandbox-client-secret-5c1e"
        public var salesforceRefreshToken = "5Aep861sandbox.refresh.token"
        public var chargebee = "test_sandboxChargebeeKey7f3a9c0d2e1b"
        public init() {}
    }

    private let server: HTTPServer
    private let data: SandboxData
    private let faults = FaultBoard()
    private let lastReply = LastReply()
    private let webhooks = WebhookInbox()
    private let locators = SalesforceLocators()
    private let sessions: SalesforceSessions
    private let hubspotWindow = HubSpotRateWindow()
    /// Search's own window (HubSpot's is 4 a second per token), off unless set.
    private let hubspotSearchWindow = HubSpotRateWindow()
    /// The tokens in force.
    public let credentials: Credentials

    /// Builds the data and the server on `port` (0 picks a free one).
    ///
    /// `apis` leaves out the Salesforce and Chargebee copies of the data when they are not wanted (they cost memory).
    /// `logRequests` prints a line per connection and request (it costs the server a fifth of its time under load).
    public init(
        port: UInt16, options: DataGenerator.Options, credentials: Credentials = Credentials(), faults: [String] = [],
        apis: Set<SandboxAPI> = Set(SandboxAPI.allCases), logRequests: Bool = false
    ) throws {
        self.data = try SandboxData(options: options, apis: apis)
        self.credentials = credentials
        self.sessions = SalesforceSessions(credentials: credentials)
        let address = try sockaddr_in.inet(ip4: "127.0.0.1", port: port)
        let logger: any Logging = logRequests ? PrintLogger(category: "sandbox") : .disabled
        self.server = HTTPServer(address: address, timeout: 30, logger: logger)
        for spec in faults {
            guard let fault = FaultBoard.parse(spec) else {
                throw SandboxError("unknown fault \"\(spec)\" (KIND:PATH[:TIMES])")
            }
            self.faults.add(fault)
        }
    }

    /// Sets HubSpot's rolling rate-limit window (at most `max` requests in any `milliseconds`); nil turns it off.
    public func limitHubSpot(to max: Int?, per milliseconds: Int) {
        hubspotWindow.set(max: max, milliseconds: milliseconds)
    }

    /// Starts serving in the background and returns the port once it listens.
    public func start() async throws -> UInt16 {
        await installRoutes()
        Task { try? await server.run() }
        try await server.waitUntilListening(timeout: 10)
        guard case .ip4(_, let port) = await server.listeningAddress else {
            throw SandboxError("the Sandbox did not start listening")
        }
        ListenerNoDelay.apply(port: port)
        return port
    }

    /// Starts serving from synchronous code (the command line) and returns the port once it listens.
    public func startBlocking() throws -> UInt16 {
        let semaphore = DispatchSemaphore(value: 0)
        let result = ResultBox()
        Task {
            do { result.port = try await self.start() } catch { result.error = error }
            semaphore.signal()
        }
        semaphore.wait()
        if let error = result.error { throw error }
        return result.port
    }

    private final class ResultBox: @unchecked Sendable {
        var port: UInt16 = 0
        var error: Error?
    }

    /// Serves until cancelled.
    public func run() async throws {
        await installRoutes()
        try await server.run()
    }

    /// Stops serving.
    public func stop() async { await server.stop(timeout: 1) }

    private func installRoutes() async {
        let stripe = StripeRoutes(data: data, apiKey: credentials.stripe)
        let hubspot = HubSpotRoutes(data: data, token: credentials.hubspot)
        let salesforce = SalesforceRoutes(data: data, sessions: sessions, locators: locators)
        let chargebee = ChargebeeRoutes(data: data, apiKey: credentials.chargebee)
        await server.appendRoute("GET /services/data/*") { [self] request in
            await deliver(
                salesforce.reply(to: request), path: request.path, api: .salesforce,
                authorization: request.header("Authorization"))
        }
        await server.appendRoute("POST /services/oauth2/token") { [self] request in
            sessions.tokenReply(form: try await request.bodyData, baseURL: "http://127.0.0.1").response
        }
        await server.appendRoute("GET /api/v2/*") { [self] request in
            await deliver(
                chargebee.reply(to: request), path: request.path, api: .chargebee,
                authorization: request.header("Authorization"))
        }
        await server.appendRoute("/_sandbox/*") { [self] request in try await control(request).response }
        await server.appendRoute("GET /v1/*") { [self] request in
            await deliver(
                stripe.reply(to: request), path: request.path, api: .stripe,
                authorization: request.header("Authorization"))
        }
        for prefix in ["/crm/v3/*", "/crm/v4/*"] {
            await server.appendRoute(HTTPRoute(prefix)) { [self] request in
                let body = try await request.bodyData
                return await deliver(
                    hubspot.reply(to: request, body: body), path: request.path, api: .hubspot,
                    authorization: request.header("Authorization"))
            }
        }
    }

    enum API { case stripe, hubspot, salesforce, chargebee }

    /// Applies the fault in force, if any, to a reply.
    private func deliver(_ reply: Reply, path: String, api: API, authorization: String?) async -> HTTPResponse {
        var reply = reply
        if api == .hubspot, !path.hasSuffix("/search"), let (headers, over) = hubspotWindow.take() {
            if over { return HubSpotRateWindow.overLimit(headers: headers).response }
            reply.headers.merge(headers) { $1 }
        }
        if api == .hubspot, path.hasSuffix("/search"), let (_, over) = hubspotSearchWindow.take(), over {
            return HubSpotRateWindow.overSearchLimit().response
        }
        let fault = faults.take(for: path)
        if fault?.kind == .repeatPage, let previous = lastReply.reply(for: path) { return previous.response }
        lastReply.keep(reply, for: path)
        guard let fault else { return reply.response }
        if let hostile = HostileReply.make(fault, reply: reply, api: api, authorization: authorization) {
            return hostile.response
        }
        switch fault.kind {
        case .rateLimit, .rateLimitWithoutRetryAfter:
            let headers = fault.kind == .rateLimit ? ["Retry-After": String(fault.retryAfter)] : [:]
            switch api {
            case .stripe:
                return Reply.json(
                    429,
                    StripeJSON.error(
                        type: "invalid_request_error", code: "rate_limit",
                        message:
                            "Request rate limit exceeded. Learn more about rate limits here "
                            + "https://stripe.com/docs/rate-limits."
                    ),
                    headers: headers
                ).response
            case .hubspot:
                return Reply.json(
                    429,
                    HubSpotJSON.error(
                        message: "You have reached your ten_secondly_rolling limit.", category: "RATE_LIMITS",
                        extra: ["errorType": "RATE_LIMIT", "policyName": "TEN_SECONDLY_ROLLING"]), headers: headers
                ).response
            case .chargebee:
                return Self.chargebeeRateLimit(headers: headers).response
            case .salesforce:
                // Salesforce has no 429: its only rate-limit answer is the 403 of the 24-hour quota.
                return SalesforceJSON.error(403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.").response
            }
        case .dailyCap where api == .salesforce:
            return SalesforceJSON.error(403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.").response
        case .dailyCap where api == .chargebee:
            return Self.chargebeeRateLimit(headers: [:]).response
        case .serverError where api == .salesforce:
            return SalesforceJSON.error(503, "SERVER_UNAVAILABLE", "Server temporarily unavailable.").response
        case .serverError where api == .chargebee:
            return ChargebeeJSON.error(
                503, code: "internal_temporary_error", message: "Sorry, something went wrong. Please retry.",
                type: "operation_failed"
            ).response
        case .expiredToken where api == .salesforce:
            return SalesforceJSON.error(401, "INVALID_SESSION_ID", "Session expired or invalid").response
        case .expiredToken where api == .chargebee:
            return ChargebeeJSON.error(
                401, code: "api_authentication_failed", message: "Sorry, authentication failed. Invalid api key"
            ).response
        case .dailyCap:
            return Reply.json(
                429,
                HubSpotJSON.error(
                    message: "You have reached your daily limit.", category: "RATE_LIMITS",
                    extra: ["errorType": "RATE_LIMIT", "policyName": "DAILY"])
            ).response
        case .serverError:
            return api == .stripe
                ? Reply.json(
                    500, StripeJSON.error(type: "api_error", code: nil, message: "An unknown error occurred"),
                    headers: ["Stripe-Should-Retry": "true"]
                ).response
                : Reply(
                    status: 502, headers: ["Content-Type": "text/html"],
                    body: Data("<html><body>502 Bad Gateway</body></html>".utf8)
                ).response
        case .expiredToken:
            return api == .stripe
                ? Reply.json(
                    401,
                    StripeJSON.error(
                        type: "invalid_request_error", code: "api_key_expired", message: "Expired API Key provided")
                ).response
                : Reply.json(
                    401,
                    HubSpotJSON.error(
                        message: "The OAuth token used to make this call expired.", category: "EXPIRED_AUTHENTICATION")
                ).response
        case .invalidLocator:
            return SalesforceJSON.error(400, "INVALID_QUERY_LOCATOR", "invalid query locator").response
        case .requestLimit:
            return Reply.json(
                403, [["message": "TotalRequests Limit exceeded.", "errorCode": "REQUEST_LIMIT_EXCEEDED"]]
            ).response
        case .changeData:
            // The page already built goes out as it was; what follows sees the changed data.
            _ = data.locked {
                $0.mutate(paid: 3, renamed: 2, archived: 0, deleted: 1, contactsActive: 2)
                    .merging($0.mutateDealsAndTickets(["deals_won": 2, "tickets_closed": 2])) { $1 }
            }
        case .slow:
            try? await Task.sleep(nanoseconds: UInt64(fault.delayMilliseconds) * 1_000_000)
        case .cutOff:
            reply.body = reply.body.prefix(max(1, reply.body.count / 2))
        case .invalidJSON:
            reply.body = Data("{\"object\": \"list\", \"data\": [oops".utf8)
        case .repeatPage:
            break  // nothing answered on this path before: this answer is the one repeated next
        case .echoToken, .foreignNext, .hugeBody, .longRateWindow, .hugeNumber:
            break  // made by HostileReply
        case .emptyPage:
            if api == .stripe { reply.body = Data(StripeJSON.list(url: path, rendered: [], hasMore: true)) }
        case .notFound:
            if api == .stripe {
                return Reply.json(
                    404,
                    StripeJSON.error(
                        type: "invalid_request_error", code: "resource_missing",
                        message: "No such object: '\(path)'", param: "id")
                ).response
            }
        }
        return reply.response
    }

    private static func chargebeeRateLimit(headers: [String: String]) -> Reply {
        ChargebeeJSON.error(
            429, code: "api_request_limit_exceeded",
            message: "Sorry, access has been blocked temporarily due to request count exceeding acceptable limits.",
            type: "operation_failed", headers: headers)
    }

    private func control(_ request: HTTPRequest) async throws -> Reply {
        let body = try await request.bodyData
        let object = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:]
        switch (request.method.rawValue, request.path) {
        case ("POST", "/_sandbox/faults"):
            guard let kind = Fault.Kind(rawValue: object["kind"] as? String ?? "") else {
                return .json(400, ["error": "unknown fault kind"])
            }
            let path = object["path"] as? String ?? "/"
            faults.add(
                Fault(
                    kind: kind, pathContains: path, remaining: object["times"] as? Int ?? 1,
                    retryAfter: object["retry_after"] as? Int ?? 1,
                    delayMilliseconds: object["delay_ms"] as? Int ?? 2_000,
                    bytes: object["bytes"] as? Int ?? 0, field: object["field"] as? String ?? "",
                    literal: object["literal"] as? String ?? ""))
            // A repeated page is one this fault's requests saw: the next answer on the path is served, then repeated.
            if kind == .repeatPage { lastReply.forget(pathsContaining: path) }
            return .json(200, ["ok": true])
        case ("POST", "/_sandbox/stripe_event_version"):
            // Events made from now on are rendered in this API version (as before an account's upgrade).
            let version = object["api_version"] as? String ?? StripeRoutes.apiVersion
            data.locked { $0.eventAPIVersion = version }
            return .json(200, ["ok": true])
        case ("POST", "/_sandbox/hubspot_search_rate_limit"):
            hubspotSearchWindow.set(max: object["max"] as? Int, milliseconds: object["interval_ms"] as? Int ?? 1_000)
            return .json(200, ["ok": true])
        case ("GET", "/_sandbox/hubspot_search_rate_limit"):
            // How many searches search's own window refused since it was set.
            return .json(200, ["refused": hubspotSearchWindow.refused])
        case ("POST", "/_sandbox/hubspot_rate_limit"):
            hubspotWindow.set(max: object["max"] as? Int, milliseconds: object["interval_ms"] as? Int ?? 10_000)
            return .json(200, ["ok": true])
        case ("DELETE", "/_sandbox/faults"):
            faults.clear()
            return .json(200, ["ok": true])
        case ("POST", "/_sandbox/mutate"):
            let done = data.locked {
                $0.mutate(
                    paid: object["paid"] as? Int ?? 0, renamed: object["renamed"] as? Int ?? 0,
                    archived: object["archived"] as? Int ?? 0, deleted: object["deleted"] as? Int ?? 0,
                    contactsActive: object["contacts_active"] as? Int ?? 0
                )
                .merging($0.mutateDealsAndTickets(object.compactMapValues { $0 as? Int })) { $1 }
                .merging($0.mutateSalesforceAndChargebee(object.compactMapValues { $0 as? Int })) { $1 }
                .merging($0.purge(object.compactMapValues { $0 as? Int })) { $1 }
                .merging($0.mutateCharges(object.compactMapValues { $0 as? Int })) { $1 }
                .merging($0.mutateChargebeeSubscriptions(object.compactMapValues { $0 as? Int })) { $1 }
            }
            return .json(200, done)
        case ("POST", "/_sandbox/webhook"):
            // The receiver's mode (`POST /_sandbox/webhook_mode`): `hang` takes the delivery and answers after
            // `seconds` (a receiver that never answers in time), `redirect` points elsewhere, `fail` answers 500.
            // Every delivery is kept whatever the mode.
            webhooks.receive(
                signature: request.header("X-Scorebook-Signature"), delivery: request.header("X-Scorebook-Delivery"),
                body: body)
            let mode = webhooks.mode
            switch mode.name {
            case "hang":
                try? await Task.sleep(nanoseconds: UInt64(mode.seconds * 1_000_000_000))
            case "redirect":
                return Reply(status: 302, headers: ["Location": "http://198.51.100.7/steal"], body: Data())
            case "fail":
                return .json(500, ["error": "receiver down"])
            default:
                break
            }
            return .json(200, ["received": true])
        case ("POST", "/_sandbox/webhook_mode"):
            webhooks.mode = (object["mode"] as? String ?? "ok", (object["seconds"] as? NSNumber)?.doubleValue ?? 60)
            return .json(200, ["ok": true])
        case ("GET", "/_sandbox/webhooks"):
            return .json(200, ["deliveries": webhooks.all()])
        case ("GET", "/_sandbox/tasks"):
            return .json(200, ["tasks": data.locked { $0.tasks }])
        case ("GET", "/_sandbox/summary"):
            // Without `apis` the HubSpot and Stripe summary, as it always was; `apis=salesforce,chargebee` for those.
            guard let apis = request.parameter("apis") else { return .json(200, data.locked { $0.summary() }) }
            let summary = data.locked {
                $0.salesforceAndChargebeeSummary().merging($0.chargebeeSubscriptionSummary()) { $1 }
            }
            let wanted = apis.split(separator: ",").map(String.init)
            return .json(200, summary.filter { key, _ in wanted.contains { key.hasPrefix($0 + "_") } })
        case ("POST", "/_sandbox/salesforce/expire_session"):
            sessions.expireAll()
            return .json(200, ["ok": true])
        case ("GET", "/_sandbox/salesforce/sessions"):
            return .json(200, ["issued": sessions.issuedCount])
        case ("POST", "/_sandbox/salesforce/expire_locators"):
            locators.expireAll()
            return .json(200, ["ok": true])
        default:
            return .json(404, ["error": "unknown control endpoint"])
        }
    }
}

/// Webhook deliveries the Sandbox received, for tests of `scorebook act`.
final class WebhookInbox: @unchecked Sendable {
    private let lock = NSLock()
    private var deliveries: [[String: Any]] = []
    private var currentMode: (name: String, seconds: Double) = ("ok", 0)

    /// How the receiver answers: ok, hang (after `seconds`), redirect or fail.
    var mode: (name: String, seconds: Double) {
        get { lock.lock(); defer { lock.unlock() }; return currentMode }
        set { lock.lock(); defer { lock.unlock() }; currentMode = newValue }
    }

    func receive(signature: String?, delivery: String?, body: Data) {
        lock.lock()
        defer { lock.unlock() }
        deliveries.append([
            "signature": signature ?? "", "delivery": delivery ?? "", "body": String(decoding: body, as: UTF8.self),
        ])
    }

    func all() -> [[String: Any]] {
        lock.lock()
        defer { lock.unlock() }
        return deliveries
    }
}

/// A Sandbox failure, in one line.
public struct SandboxError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
