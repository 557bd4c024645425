import enum Connectors.CanonicalJSON
import FlyingFox
import Foundation

/// Stripe's API v1 as the Sandbox serves it at `2025-05-28.basil`: Bearer or Basic auth, `limit` / `starting_after` /
/// `ending_before` paging newest first (a page left out of filtered objects is filled from further on, so no page
/// is empty while `has_more` says more follow), and Stripe's error bodies (https://docs.stripe.com/api/pagination,
/// /error-low-level).
struct StripeRoutes {
    static let apiVersion = "2025-05-28.basil"
    let data: SandboxData
    let apiKey: String
    private let customers = RenderedObjects(render: StripeJSON.customer)
    private let invoices = RenderedObjects(render: StripeJSON.invoice)
    private let subscriptions = RenderedObjects(render: StripeJSON.subscription)
    private let charges = RenderedObjects(render: StripeJSON.charge)
    private let invoicePaymentObjects = RenderedObjects(render: StripeJSON.invoicePayment)

    init(data: SandboxData, apiKey: String) {
        self.data = data
        self.apiKey = apiKey
    }

    /// The reply for a request under /v1.
    func reply(to request: HTTPRequest) -> Reply {
        if let failure = authenticate(request) { return failure }
        let limit = Int(request.parameter("limit") ?? "10") ?? 10
        guard (1...100).contains(limit) else {
            return .json(
                400,
                StripeJSON.error(
                    type: "invalid_request_error", code: "parameter_invalid_integer",
                    message: "Invalid integer: limit must be between 1 and 100", param: "limit"))
        }
        let starting = request.parameter("starting_after")
        let ending = request.parameter("ending_before")
        return data.locked { data in
            switch request.path {
            case "/v1/customers":
                return page(
                    url: request.path, count: data.customers.count, position: data.customerPosition, limit: limit,
                    startingAfter: starting, endingBefore: ending,
                    includes: { !data.customers[$0].isDeleted }
                ) { positions in
                    positions.map { customers.bytes(data.customers[$0], id: data.customers[$0].id) }
                }
            case "/v1/invoices":
                return page(
                    url: request.path, count: data.invoices.count, position: data.invoicePosition, limit: limit,
                    startingAfter: starting, endingBefore: ending
                ) { positions in
                    positions.map { invoices.bytes(data.invoices[$0], id: data.invoices[$0].id) }
                }
            case "/v1/invoice_payments":
                return invoicePayments(request, data, limit: limit, startingAfter: starting, endingBefore: ending)
            case "/v1/subscriptions":
                // Stripe lists canceled subscriptions only when asked with status=all.
                let all = request.parameter("status") == "all"
                return page(
                    url: request.path, count: data.subscriptions.count, position: data.subscriptionPosition,
                    limit: limit,
                    startingAfter: starting, endingBefore: ending,
                    includes: { all || data.subscriptions[$0].canceledAt == nil }
                ) { positions in
                    positions.map { subscriptions.bytes(data.subscriptions[$0], id: data.subscriptions[$0].id) }
                }
            case "/v1/charges":
                return page(
                    url: request.path, count: data.charges.count, position: data.chargePosition, limit: limit,
                    startingAfter: starting, endingBefore: ending
                ) { positions in
                    positions.map { charges.bytes(data.charges[$0], id: data.charges[$0].id) }
                }
            case let path where path.hasPrefix("/v1/invoices/"):
                let id = String(path.dropFirst("/v1/invoices/".count))
                guard let position = data.invoicePosition(id) else { return Self.noSuch("invoice", id) }
                return .json(200, StripeJSON.invoice(data.invoices[position]))
            case let path where path.hasPrefix("/v1/invoice_payments/"):
                let id = String(path.dropFirst("/v1/invoice_payments/".count))
                guard let invoice = SandboxInvoice.invoiceID(invoicePayment: id),
                    let position = data.invoicePosition(invoice), data.invoices[position].hasInvoicePayment
                else { return Self.noSuch("invoice_payment", id) }
                return .json(200, StripeJSON.invoicePayment(data.invoices[position]))
            case let path where path.hasPrefix("/v1/subscriptions/"):
                let id = String(path.dropFirst("/v1/subscriptions/".count))
                guard let position = data.subscriptionPosition(id) else { return Self.noSuch("subscription", id) }
                return .json(200, StripeJSON.subscription(data.subscriptions[position]))
            case let path where path.hasPrefix("/v1/charges/"):
                let id = String(path.dropFirst("/v1/charges/".count))
                guard let position = data.chargePosition(id) else {
                    return .json(
                        404,
                        StripeJSON.error(
                            type: "invalid_request_error", code: "resource_missing",
                            message: "No such charge: '\(id)'", param: "id"))
                }
                return .json(200, StripeJSON.charge(data.charges[position]))
            case "/v1/events":
                let positions = Dictionary(uniqueKeysWithValues: data.events.enumerated().map { ($1.id, $0) })
                return page(
                    url: request.path, count: data.events.count, position: { positions[$0] }, limit: limit,
                    startingAfter: starting, endingBefore: ending
                ) { found in
                    found.map { CanonicalJSON.bytes(StripeJSON.event(data.events[$0])) }
                }
            case let path where path.hasPrefix("/v1/customers/"):
                // A deleted customer answers {"id", "object", "deleted": true}, as Stripe does.
                let id = String(path.dropFirst("/v1/customers/".count))
                guard let position = data.customerPosition(id) else {
                    return .json(
                        404,
                        StripeJSON.error(
                            type: "invalid_request_error", code: "resource_missing",
                            message: "No such customer: '\(id)'", param: "id"))
                }
                return .json(200, StripeJSON.customer(data.customers[position]))
            default:
                return .json(
                    404,
                    StripeJSON.error(
                        type: "invalid_request_error", code: nil,
                        message: "Unrecognized request URL (GET: \(request.path))."))
            }
        }
    }

    /// `GET /v1/invoice_payments`: every invoice's default payment, newest first, or those of one `invoice` or one
    /// `payment[payment_intent]` (with `payment[type]=payment_intent`).
    private func invoicePayments(
        _ request: HTTPRequest, _ data: SandboxData, limit: Int, startingAfter: String?, endingBefore: String?
    ) -> Reply {
        var only: String?
        if let intent = request.parameter("payment[payment_intent]") {
            guard request.parameter("payment[type]") == "payment_intent" else {
                return .json(
                    400,
                    StripeJSON.error(
                        type: "invalid_request_error", code: "parameter_missing",
                        message: "Missing required param: payment[type].", param: "payment[type]"))
            }
            only = SandboxInvoice.invoiceID(paymentIntent: intent) ?? ""
        }
        if let invoice = request.parameter("invoice") { only = only.map { $0 == invoice ? $0 : "" } ?? invoice }
        let pinned = only.map { data.invoicePosition($0) }
        let position = { (id: String) in SandboxInvoice.invoiceID(invoicePayment: id).flatMap(data.invoicePosition) }
        // A filter keeps one invoice's payment at most: the scan runs from it to it.
        return page(
            url: request.path, count: pinned.map { ($0 ?? -1) + 1 } ?? data.invoices.count, position: position,
            limit: limit,
            startingAfter: startingAfter, endingBefore: endingBefore,
            includes: { data.invoices[$0].hasInvoicePayment && (pinned == nil || pinned == $0) },
            scanFrom: pinned.map { $0 ?? 0 }
        ) { positions in
            positions.map { invoicePaymentObjects.bytes(data.invoices[$0], id: data.invoices[$0].invoicePaymentID) }
        }
    }

    /// A page of the objects at `0..<count` that `includes` keeps, after `startingAfter` (which wins when both are
    /// given) or before `endingBefore`.
    ///
    /// Positions left out are skipped while the page fills, so `has_more` is true only when a kept one follows.
    /// `scanFrom` starts a listing without a cursor there.
    private func page(
        url: String, count: Int, position: (String) -> Int?, limit: Int, startingAfter: String?, endingBefore: String?,
        includes: (Int) -> Bool = { _ in true }, scanFrom: Int? = nil, objects: ([Int]) -> [[UInt8]]
    ) -> Reply {
        var found: [Int] = []
        var hasMore = false
        if startingAfter == nil, let endingBefore {
            guard let index = position(endingBefore) else { return missing(endingBefore, param: "ending_before") }
            var at = index - 1
            while at >= 0, found.count < limit {
                if includes(at) { found.append(at) }
                at -= 1
            }
            found.reverse()
            hasMore = at >= 0 && (0...at).contains(where: includes)
        } else {
            var at = scanFrom ?? 0
            if let startingAfter {
                guard let index = position(startingAfter) else {
                    return missing(startingAfter, param: "starting_after")
                }
                at = index + 1
            }
            while at < count, found.count < limit {
                if includes(at) { found.append(at) }
                at += 1
            }
            hasMore = (at..<max(at, count)).contains(where: includes)
        }
        return Reply(
            status: 200,
            headers: [
                "Content-Type": "application/json", "Request-Id": "req_" + UUID().uuidString.prefix(14),
                "Stripe-Version": Self.apiVersion,
            ],
            body: Data(StripeJSON.list(url: url, rendered: objects(found), hasMore: hasMore)))
    }

    private static func noSuch(_ type: String, _ id: String) -> Reply {
        .json(
            404,
            StripeJSON.error(
                type: "invalid_request_error", code: "resource_missing",
                message: "No such \(type): '\(id)'", param: "id"))
    }

    private func missing(_ id: String, param: String) -> Reply {
        .json(
            400,
            StripeJSON.error(
                type: "invalid_request_error", code: "resource_missing",
                message: "No such object: '\(id)'", param: param))
    }

    private func authenticate(_ request: HTTPRequest) -> Reply? {
        guard let header = request.header("Authorization") else {
            return .json(
                401,
                StripeJSON.error(
                    type: "invalid_request_error", code: nil,
                    message: "You did not provide an API key."))
        }
        var key = ""
        if header.hasPrefix("Bearer ") {
            key = String(header.dropFirst(7))
        } else if header.hasPrefix("Basic "), let decoded = Data(base64Encoded: String(header.dropFirst(6))) {
            key = String(decoding: decoded, as: UTF8.self).components(separatedBy: ":").first ?? ""
        }
        guard key == apiKey else {
            return .json(
                401,
                StripeJSON.error(
                    type: "invalid_request_error", code: nil,
                    message: "Invalid API Key provided: \(Self.masked(key))"))
        }
        return nil
    }

    /// A key as Stripe echoes it: all but the last four characters starred.
    static func masked(_ key: String) -> String {
        String(repeating: "*", count: max(0, key.count - 4)) + key.suffix(4)
    }
}
