import Connectors
import Foundation

/// The Sandbox as an attacker or a broken server: answers that echo the token, point elsewhere, never end or carry
/// numbers no field can hold.
///
/// Each is a fault (`echo_token`, `foreign_next`, `huge_body`, `long_rate_window`, `huge_number`) for the tests that
/// play the attacker over loopback.
enum HostileReply {
    /// The hostile answer for the fault, or nil when the fault is another kind.
    static func make(_ fault: Fault, reply: Reply, api: SandboxServer.API, authorization: String?) -> Reply? {
        switch fault.kind {
        case .echoToken:
            let echoed = "Invalid credentials: the request carried Authorization: \(authorization ?? "")"
            switch api {
            case .stripe: return .json(401, StripeJSON.error(type: "invalid_request_error", code: nil, message: echoed))
            case .hubspot: return .json(401, HubSpotJSON.error(message: echoed, category: "INVALID_AUTHENTICATION"))
            case .salesforce: return SalesforceJSON.error(401, "INVALID_AUTH_HEADER", echoed)
            case .chargebee: return ChargebeeJSON.error(401, code: "api_authentication_failed", message: echoed)
            }
        case .foreignNext:
            guard var page = (try? JSONSerialization.jsonObject(with: reply.body)) as? [String: Any] else { return nil }
            page["done"] = false
            page["nextRecordsUrl"] = "@198.51.100.7/services/data/v59.0/query/01gSTEAL-2000"
            return .json(reply.status, page, headers: reply.headers)
        case .hugeBody:
            var body = Data("{\"data\": \"".utf8)
            body.append(Data(repeating: UInt8(ascii: "x"), count: max(0, fault.bytes)))
            body.append(Data("\"}".utf8))
            return Reply(status: 200, headers: ["Content-Type": "application/json"], body: body)
        case .longRateWindow:
            var headers = reply.headers
            headers["X-HubSpot-RateLimit-Remaining"] = "0"
            headers["X-HubSpot-RateLimit-Interval-Milliseconds"] = String(1_000 * 86_400_000)
            return Reply(status: reply.status, headers: headers, body: reply.body)
        case .hugeNumber:
            return withNumber(reply, field: fault.field, literal: fault.literal)
        default:
            return nil
        }
    }

    /// The reply with the first listed record's dotted `field` (`subscription.plan_unit_price`) set to `literal`.
    private static func withNumber(_ reply: Reply, field: String, literal: String) -> Reply? {
        guard var page = (try? JSONSerialization.jsonObject(with: reply.body)) as? [String: Any],
            let listKey = ["data", "results", "records", "list"].first(where: { page[$0] is [Any] }),
            var list = page[listKey] as? [[String: Any]], !list.isEmpty
        else { return nil }
        let marker = "__SANDBOX_NUMBER__"
        list[0] = setting(list[0], path: field.split(separator: ".").map(String.init), to: marker)
        page[listKey] = list
        let text = String(decoding: CanonicalJSON.bytes(page), as: UTF8.self)
            .replacingOccurrences(of: "\"\(marker)\"", with: literal)
        return Reply(status: reply.status, headers: reply.headers, body: Data(text.utf8))
    }

    private static func setting(_ object: [String: Any], path: [String], to value: Any) -> [String: Any] {
        guard let key = path.first else { return object }
        var copy = object
        if path.count == 1 {
            copy[key] = value
        } else if let inner = object[key] as? [String: Any] {
            copy[key] = setting(inner, path: Array(path.dropFirst()), to: value)
        } else if let items = object[key] as? [[String: Any]], let first = items.first {
            copy[key] = [setting(first, path: Array(path.dropFirst()), to: value)] + items.dropFirst()
        }
        return copy
    }
}
