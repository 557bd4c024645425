import enum Connectors.CanonicalJSON
import FlyingFox
import Foundation

/// Stripe's API v1 as the Sandbox serves it: Bearer or Basic auth, `limit` / `starting_after` / `ending_before`
/// paging newest first, and Stripe's error bodies (https://docs.stripe.com/api/pagination, /error-low-level).
struct StripeRoutes {
    static let apiVersion = "2025-05-28.basil"
    let data: SandboxData
    let apiKey: String
    private let customers = RenderedObjects(render: StripeJSON.customer)
    private let invoices = RenderedObjects(render: StripeJSON.invoice)
    private let subscriptions = RenderedObjects(render: StripeJSON.subscription)
    private let charges = RenderedObjects(render: StripeJSON.charge)

    init(data: SandboxData, apiKey: String) {
        self.data = data
        self.apiKey = apiKey
    }

    /// The reply for a request under /v1.
    func reply(to request: HTTPRequest) -> Reply {
        if let failure = authenticate(request) { return failure }
        let limit = Int(request.parameter("limit") ?? "10") ?? 10
        guard (1...100).contains(limit) else {
            return .json(400, StripeJSON.error(type: "invalid_request_error", code: "parameter_invalid_integer",
                                                message: "Invalid integer: limit must be between 1 and 100", param: "limit"))
        }
        let starting = request.parameter("starting_after")
        let ending = request.parameter("ending_before")
        return data.locked { data in
            switch request.path {
            case "/v1/customers":
                return page(url: request.path, count: data.customers.count, position: data.customerPosition, limit: limit,
                            startingAfter: starting, endingBefore: ending) { range in
                    data.customers[range].filter { !$0.isDeleted }.map { customers.bytes($0, id: $0.id) }
                }
            case "/v1/invoices":
                return page(url: request.path, count: data.invoices.count, position: data.invoicePosition, limit: limit,
                            startingAfter: starting, endingBefore: ending) { range in data.invoices[range].map { invoices.bytes($0, id: $0.id) } }
            case "/v1/subscriptions":
                // Stripe lists canceled subscriptions only when asked with status=all.
                let all = request.parameter("status") == "all"
                return page(url: request.path, count: data.subscriptions.count, position: data.subscriptionPosition, limit: limit,
                            startingAfter: starting, endingBefore: ending) { range in
                    data.subscriptions[range].filter { all || $0.canceledAt == nil }.map { subscriptions.bytes($0, id: $0.id) }
                }
            case "/v1/charges":
                return page(url: request.path, count: data.charges.count, position: data.chargePosition, limit: limit,
                            startingAfter: starting, endingBefore: ending) { range in
                    data.charges[range].map { charges.bytes($0, id: $0.id) }
                }
            case let path where path.hasPrefix("/v1/charges/"):
                let id = String(path.dropFirst("/v1/charges/".count))
                guard let position = data.chargePosition(id) else {
                    return .json(404, StripeJSON.error(type: "invalid_request_error", code: "resource_missing",
                                                       message: "No such charge: '\(id)'", param: "id"))
                }
                return .json(200, StripeJSON.charge(data.charges[position]))
            case "/v1/events":
                let positions = Dictionary(uniqueKeysWithValues: data.events.enumerated().map { ($1.id, $0) })
                return page(url: request.path, count: data.events.count, position: { positions[$0] }, limit: limit,
                            startingAfter: starting, endingBefore: ending) { range in data.events[range].map { CanonicalJSON.bytes(StripeJSON.event($0)) } }
            case let path where path.hasPrefix("/v1/customers/"):
                // A deleted customer answers {"id", "object", "deleted": true}, as Stripe does.
                let id = String(path.dropFirst("/v1/customers/".count))
                guard let position = data.customerPosition(id) else {
                    return .json(404, StripeJSON.error(type: "invalid_request_error", code: "resource_missing",
                                                       message: "No such customer: '\(id)'", param: "id"))
                }
                return .json(200, StripeJSON.customer(data.customers[position]))
            default:
                return .json(404, StripeJSON.error(type: "invalid_request_error", code: nil,
                                                   message: "Unrecognized request URL (GET: \(request.path))."))
            }
        }
    }

    private func page(
        url: String, count: Int, position: (String) -> Int?, limit: Int, startingAfter: String?, endingBefore: String?,
        objects: (Range<Int>) -> [[UInt8]]
    ) -> Reply {
        let range: Range<Int>
        let hasMore: Bool
        if let startingAfter {
            guard let index = position(startingAfter) else { return missing(startingAfter, param: "starting_after") }
            let start = index + 1
            range = start..<min(count, start + limit)
            hasMore = start + limit < count
        } else if let endingBefore {
            guard let index = position(endingBefore) else { return missing(endingBefore, param: "ending_before") }
            let start = max(0, index - limit)
            range = start..<index
            hasMore = start > 0
        } else {
            range = 0..<min(count, limit)
            hasMore = limit < count
        }
        return Reply(
            status: 200,
            headers: ["Content-Type": "application/json", "Request-Id": "req_" + UUID().uuidString.prefix(14),
                      "Stripe-Version": Self.apiVersion],
            body: Data(StripeJSON.list(url: url, rendered: objects(range), hasMore: hasMore)))
    }

    private func missing(_ id: String, param: String) -> Reply {
        .json(400, StripeJSON.error(type: "invalid_request_error", code: "resource_missing",
                                    message: "No such object: '\(id)'", param: param))
    }

    private func authenticate(_ request: HTTPRequest) -> Reply? {
        guard let header = request.header("Authorization") else {
            return .json(401, StripeJSON.error(type: "invalid_request_error", code: nil,
                                               message: "You did not provide an API key."))
        }
        var key = ""
        if header.hasPrefix("Bearer ") {
            key = String(header.dropFirst(7))
        } else if header.hasPrefix("Basic "), let decoded = Data(base64Encoded: String(header.dropFirst(6))) {
            key = String(decoding: decoded, as: UTF8.self).components(separatedBy: ":").first ?? ""
        }
        guard key == apiKey else {
            return .json(401, StripeJSON.error(type: "invalid_request_error", code: nil,
                                               message: "Invalid API Key provided: \(Self.masked(key))"))
        }
        return nil
    }

    /// A key as Stripe echoes it: all but the last four characters starred.
    static func masked(_ key: String) -> String {
        String(repeating: "*", count: max(0, key.count - 4)) + key.suffix(4)
    }
}
