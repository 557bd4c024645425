import FlyingFox
import Foundation

/// HubSpot CRM v3 companies and contacts as the Sandbox serves them: list with an opaque `after`, search with filters on
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
        case ("GET", "/crm/v3/objects/companies"): return list(request, .companies)
        case ("POST", "/crm/v3/objects/companies/search"): return search(body, .companies)
        case ("GET", "/crm/v3/objects/contacts"): return list(request, .contacts)
        case ("POST", "/crm/v3/objects/tasks"):
            guard let task = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any], task["properties"] is [String: Any] else {
                return .json(400, HubSpotJSON.error(message: "Invalid input JSON: properties are required", category: "VALIDATION_ERROR"))
            }
            let id = data.locked { $0.recordTask(task) }
            return .json(201, ["id": id, "properties": task["properties"] ?? [:], "archived": false])
        case ("POST", "/crm/v3/objects/contacts/search"): return search(body, .contacts)
        case let ("GET", path) where path.hasPrefix("/crm/v3/objects/companies/"):
            // One company by id; archived ones too when asked with archived=true, as HubSpot does.
            let id = String(path.dropFirst("/crm/v3/objects/companies/".count))
            let archivedToo = request.parameter("archived") == "true"
            return data.locked { data in
                guard let position = data.companyPosition(id), !data.companies[position].isArchived || archivedToo else {
                    return .json(404, HubSpotJSON.error(message: "Object not found.  objectId are usually numeric.", category: "OBJECT_NOT_FOUND"))
                }
                return .json(200, HubSpotJSON.company(data.companies[position]))
            }
        default:
            return .json(404, HubSpotJSON.error(message: "Unable to route \(request.method.rawValue) \(request.path)", category: "OBJECT_NOT_FOUND"))
        }
    }

    private var rateHeaders: [String: String] {
        ["X-HubSpot-RateLimit-Max": "190", "X-HubSpot-RateLimit-Remaining": "189", "X-HubSpot-RateLimit-Interval-Milliseconds": "10000"]
    }

    /// The object types served.
    enum Kind { case companies, contacts }

    /// Records of a kind as (id, modified, archived, JSON) for paging and search.
    private func records(_ kind: Kind, _ data: SandboxData) -> [(id: Int64, modified: Int64, archived: Bool, json: () -> [String: Any])] {
        switch kind {
        case .companies:
            return data.companies.map { company in (Int64(company.id) ?? 0, company.modifiedMilliseconds, company.isArchived, { HubSpotJSON.company(company) }) }
        case .contacts:
            return data.contacts.map { contact in (Int64(contact.id) ?? 0, contact.modifiedMilliseconds, contact.isArchived, { HubSpotJSON.contact(contact) }) }
        }
    }

    private func list(_ request: HTTPRequest, _ kind: Kind) -> Reply {
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
            let matching = records(kind, data).filter { $0.archived == archived }
            let end = min(matching.count, start + limit)
            var body: [String: Any] = ["results": start < end ? matching[start..<end].map { $0.json() } : []]
            if end < matching.count {
                let token = Self.encodeAfter(end)
                body["paging"] = ["next": ["after": token, "link": "?after=\(token)"]]
            }
            return .json(200, body, headers: rateHeaders)
        }
    }

    private func search(_ body: Data, _ kind: Kind) -> Reply {
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
                case ("hs_lastmodifieddate", "GTE"), ("lastmodifieddate", "GTE"): lower = value
                case ("hs_lastmodifieddate", "LTE"), ("lastmodifieddate", "LTE"): upper = value
                case ("hs_object_id", "GTE"): idFloor = value
                default: break
                }
            }
        }
        return data.locked { data in
            let matching = records(kind, data)
                .filter { !$0.archived && $0.modified >= lower && $0.modified <= upper && $0.id >= idFloor }
                .sorted { ($0.modified, $0.id) < ($1.modified, $1.id) }
            let end = min(matching.count, after + limit)
            var reply: [String: Any] = ["total": matching.count, "results": after < end ? matching[after..<end].map { $0.json() } : []]
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
