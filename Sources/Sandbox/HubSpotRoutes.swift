import FlyingFox
import Foundation

/// HubSpot CRM v3 companies as the Sandbox serves them: list with an opaque `after`, search with filters on
/// `hs_lastmodifieddate` and its 10,000-result cap, archived records only through the list's `archived=true`.
struct HubSpotRoutes {
    let data: SandboxData
    let token: String
    static let searchCap = 10_000

    func reply(to request: HTTPRequest, body: Data) -> Reply {
        guard request.header("Authorization") == "Bearer \(token)" else {
            return .json(401, HubSpotJSON.error(
                message: "Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview",
                category: "INVALID_AUTHENTICATION"), headers: ["X-HubSpot-Auth-Failure": "401 Unauthorized"])
        }
        switch (request.method.rawValue, request.path) {
        case ("GET", "/crm/v3/objects/companies"): return list(request)
        case ("POST", "/crm/v3/objects/companies/search"): return search(body)
        default:
            return .json(404, HubSpotJSON.error(message: "Unable to route \(request.method.rawValue) \(request.path)", category: "OBJECT_NOT_FOUND"))
        }
    }

    private var rateHeaders: [String: String] {
        ["X-HubSpot-RateLimit-Max": "190", "X-HubSpot-RateLimit-Remaining": "189", "X-HubSpot-RateLimit-Interval-Milliseconds": "10000"]
    }

    private func list(_ request: HTTPRequest) -> Reply {
        let limit = min(100, max(1, Int(request.parameter("limit") ?? "10") ?? 10))
        let archived = request.parameter("archived") == "true"
        var start = 0
        if let after = request.parameter("after") {
            guard let offset = Self.decodeAfter(after) else {
                return .json(400, HubSpotJSON.error(message: "Invalid input: after=\(after) is not a valid cursor", category: "VALIDATION_ERROR"))
            }
            start = offset
        }
        return data.locked { data in
            let matching = data.companies.filter { $0.isArchived == archived }
            let end = min(matching.count, start + limit)
            var body: [String: Any] = ["results": start < end ? matching[start..<end].map(HubSpotJSON.company) : []]
            if end < matching.count {
                let token = Self.encodeAfter(end)
                body["paging"] = ["next": ["after": token, "link": "?after=\(token)"]]
            }
            return .json(200, body, headers: rateHeaders)
        }
    }

    private func search(_ body: Data) -> Reply {
        guard let request = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] else {
            return .json(400, HubSpotJSON.error(message: "Invalid input JSON on line 1", category: "VALIDATION_ERROR"))
        }
        let limit = min(200, max(1, request["limit"] as? Int ?? 10))
        let after = Int(request["after"] as? String ?? "0") ?? 0
        if after + limit > Self.searchCap {
            return .json(400, HubSpotJSON.error(
                message: "There was a problem with the request.", category: "VALIDATION_ERROR",
                extra: ["errors": [["message": "paging beyond \(Self.searchCap) results is not supported", "in": "after"]]]))
        }
        var lower = Int64.min
        var upper = Int64.max
        var idFloor = Int64.min
        for group in request["filterGroups"] as? [[String: Any]] ?? [] {
            for filter in group["filters"] as? [[String: Any]] ?? [] {
                let value = Int64(filter["value"] as? String ?? "") ?? 0
                switch (filter["propertyName"] as? String, filter["operator"] as? String) {
                case ("hs_lastmodifieddate", "GTE"): lower = value
                case ("hs_lastmodifieddate", "LTE"): upper = value
                case ("hs_object_id", "GTE"): idFloor = value
                default: break
                }
            }
        }
        return data.locked { data in
            let matching = data.companies
                .filter { !$0.isArchived && $0.modifiedMilliseconds >= lower && $0.modifiedMilliseconds <= upper && (Int64($0.id) ?? 0) >= idFloor }
                .sorted { ($0.modifiedMilliseconds, Int64($0.id) ?? 0) < ($1.modifiedMilliseconds, Int64($1.id) ?? 0) }
            let end = min(matching.count, after + limit)
            var reply: [String: Any] = ["total": matching.count, "results": after < end ? matching[after..<end].map(HubSpotJSON.company) : []]
            if end < matching.count { reply["paging"] = ["next": ["after": String(end)]] }
            return .json(200, reply)
        }
    }

    static func encodeAfter(_ offset: Int) -> String {
        Data(String(offset).utf8).base64EncodedString()
    }

    static func decodeAfter(_ token: String) -> Int? {
        let text = token.removingPercentEncoding ?? token
        return Data(base64Encoded: text).flatMap { Int(String(decoding: $0, as: UTF8.self)) }
    }
}
