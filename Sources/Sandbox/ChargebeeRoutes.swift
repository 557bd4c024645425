import FlyingFox
import Foundation

/// Chargebee v2 as the Sandbox serves it: HTTP Basic with the key as user name, `limit` (1-100, default 10) and an
/// opaque `offset` (`next_offset`, only while more pages exist), `sort_by[asc|desc]`, `updated_at[after|before]`,
/// `include_deleted`, list entries wrapped by type, and Chargebee's error bodies.
struct ChargebeeRoutes {
    let data: SandboxData
    let apiKey: String

    /// The reply for a request under /api/v2.
    func reply(to request: HTTPRequest) -> Reply {
        guard authenticated(request) else {
            return ChargebeeJSON.error(
                401, code: "api_authentication_failed", message: "Sorry, authentication failed. Invalid api key")
        }
        let limit = Int(request.parameter("limit") ?? "10") ?? 0
        guard (1...100).contains(limit) else { return wrongValue("limit") }
        var sortKey = "created_at"
        var ascending = true
        if let key = request.parameter("sort_by[asc]") { sortKey = key }
        if let key = request.parameter("sort_by[desc]") { (sortKey, ascending) = (key, false) }
        guard sortKey == "created_at" || sortKey == "updated_at" else {
            return wrongValue(ascending ? "sort_by[asc]" : "sort_by[desc]")
        }
        let after = request.parameter("updated_at[after]").map { Int64($0) }
        let before = request.parameter("updated_at[before]").map { Int64($0) }
        if after == .some(nil) { return wrongValue("updated_at[after]") }
        if before == .some(nil) { return wrongValue("updated_at[before]") }
        let includeDeleted = request.parameter("include_deleted")?.lowercased() == "true"  // chargebee-python: True
        var start: (key: Int64, id: String)?
        if let offset = request.parameter("offset") {
            guard let parsed = Self.decodeOffset(offset) else { return wrongValue("offset") }
            start = parsed
        }
        let filter = Filter(after: after ?? nil, before: before ?? nil, includeDeleted: includeDeleted)
        return data.locked { data in
            switch request.path {
            case "/api/v2/customers":
                let order = data.chargebeeOrder("customers:\(sortKey)") {
                    data.chargebeeCustomers.enumerated().map {
                        ($1.id, sortKey == "updated_at" ? $1.updatedAt : $1.createdAt)
                    }
                }
                return page(order, limit: limit, ascending: ascending, start: start) { position in
                    let customer = data.chargebeeCustomers[position]
                    return !customer.isPurged
                        && filter.keeps(updatedAt: customer.updatedAt, deleted: customer.isDeleted)
                        ? ["customer": ChargebeeJSON.customer(customer)] : nil
                }
            case "/api/v2/subscriptions":
                let order = data.chargebeeOrder("subscriptions:\(sortKey)") {
                    data.chargebeeSubscriptions.enumerated().map {
                        ($1.id, sortKey == "updated_at" ? $1.updatedAt : $1.startedAt)
                    }
                }
                // Subscription entries carry their customer too.
                return page(order, limit: limit, ascending: ascending, start: start) { position in
                    let subscription = data.chargebeeSubscriptions[position]
                    guard !subscription.isPurged,
                        filter.keeps(updatedAt: subscription.updatedAt, deleted: subscription.isDeleted)
                    else {
                        return nil
                    }
                    return [
                        "subscription": ChargebeeJSON.subscription(subscription),
                        "customer": ChargebeeJSON.customer(data.chargebeeCustomers[subscription.customerPosition]),
                    ]
                }
            case "/api/v2/invoices":
                let order = data.chargebeeOrder("invoices:\(sortKey)") {
                    data.chargebeeInvoices.enumerated().map {
                        ($1.id, sortKey == "updated_at" ? $1.updatedAt : $1.date)
                    }
                }
                return page(order, limit: limit, ascending: ascending, start: start) { position in
                    let invoice = data.chargebeeInvoices[position]
                    return !invoice.isPurged && filter.keeps(updatedAt: invoice.updatedAt, deleted: false)
                        ? ["invoice": ChargebeeJSON.invoice(invoice)] : nil
                }
            case let path where path.hasPrefix("/api/v2/customers/"):
                let id = String(path.dropFirst("/api/v2/customers/".count))
                guard let customer = data.chargebeeCustomers.first(where: { $0.id == id }) else {
                    return ChargebeeJSON.error(
                        404, code: "resource_not_found", message: "Sorry, we couldn't find that resource",
                        type: "invalid_request")
                }
                return .json(200, ["customer": ChargebeeJSON.customer(customer)])
            default:
                return ChargebeeJSON.error(
                    404, code: "resource_not_found", message: "Sorry, we couldn't find that resource",
                    type: "invalid_request")
            }
        }
    }

    private struct Filter {
        let after: Int64?
        let before: Int64?
        let includeDeleted: Bool

        func keeps(updatedAt: Int64, deleted: Bool) -> Bool {
            if deleted && !includeDeleted { return false }
            if let after, updatedAt <= after { return false }
            if let before, updatedAt >= before { return false }
            return true
        }
    }

    /// A page in (key, id) order after `start`, of the list entries `entry` keeps (each resource under its type);
    /// `next_offset` only while more remain.
    private func page(
        _ order: [(key: Int64, id: String, position: Int)], limit: Int, ascending: Bool,
        start: (key: Int64, id: String)?, entry: (Int) -> [String: Any]?
    ) -> Reply {
        // The first row past the offset, by binary search over the sorted order.
        var low = 0
        var high = order.count
        if let start {
            while low < high {
                let middle = (low + high) / 2
                let row = order[middle]
                if ascending ? (row.key, row.id) <= (start.key, start.id) : (row.key, row.id) < (start.key, start.id) {
                    low = middle + 1
                } else {
                    high = middle
                }
            }
        }
        let indices: AnySequence<Int> =
            ascending
            ? AnySequence(stride(from: start == nil ? 0 : low, to: order.count, by: 1))
            : AnySequence(stride(from: (start == nil ? order.count : low) - 1, through: 0, by: -1))
        var list: [[String: Any]] = []
        var last: (key: Int64, id: String)?
        var more = false
        for index in indices {
            guard let value = entry(order[index].position) else { continue }
            if list.count == limit {
                more = true
                break
            }
            list.append(value)
            last = (order[index].key, order[index].id)
        }
        var body: [String: Any] = ["list": list]
        if more, let last { body["next_offset"] = Self.encodeOffset(key: last.key, id: last.id) }
        return .json(200, body)
    }

    /// `["1749001600000","16CB00000042"]`, as Chargebee's offsets look (opaque to clients).
    static func encodeOffset(key: Int64, id: String) -> String {
        #"[""# + String(key) + #"",""# + id + #""]"#
    }

    static func decodeOffset(_ text: String) -> (key: Int64, id: String)? {
        guard let array = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String], array.count == 2,
            let key = Int64(array[0])
        else { return nil }
        return (key, array[1])
    }

    private func wrongValue(_ param: String) -> Reply {
        ChargebeeJSON.error(
            400, code: "param_wrong_value", message: "\(param) : invalid value", type: "invalid_request", param: param)
    }

    private func authenticated(_ request: HTTPRequest) -> Bool {
        guard let header = request.header("Authorization"), header.hasPrefix("Basic "),
            let decoded = Data(base64Encoded: String(header.dropFirst(6)))
        else { return false }
        let text = String(decoding: decoded, as: UTF8.self)
        return text == apiKey + ":"
    }
}
