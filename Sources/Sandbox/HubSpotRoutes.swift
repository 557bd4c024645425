import FlyingFox
import Foundation

/// HubSpot CRM v3 companies, contacts, deals and tickets as the Sandbox serves them: list with an opaque `after` (and
/// `associations=companies` for deals and tickets), search with filters on `hs_lastmodifieddate` and its 10,000-result
/// cap, archived records only through the list's `archived=true`, and the v4 batch read of deals' and tickets'
/// company associations.
struct HubSpotRoutes {
    let data: SandboxData
    let token: String
    static let searchCap = 10_000

    func reply(to request: HTTPRequest, body: Data) -> Reply {
        guard request.header("Authorization") == "Bearer \(token)" else {
            return .json(
                401,
                HubSpotJSON.error(
                    message:
                        "Authentication credentials not found. This API supports OAuth 2.0 authentication and "
                        + "you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview",
                    category: "INVALID_AUTHENTICATION"), headers: ["X-HubSpot-Auth-Failure": "401 Unauthorized"])
        }
        let parts = request.path.split(separator: "/").map(String.init)
        switch (request.method.rawValue, request.path) {
        case let ("GET", path) where parts.count == 4 && path.hasPrefix("/crm/v3/objects/"):
            if let kind = Kind(rawValue: parts[3]) { return list(request, kind) }
        case ("POST", "/crm/v3/objects/tasks/search"):
            return searchTasks(body)
        case let ("POST", path) where parts.count == 5 && path.hasPrefix("/crm/v3/objects/") && parts[4] == "search":
            if let kind = Kind(rawValue: parts[3]) { return search(body, kind) }
        case let ("POST", path)
        where path.hasPrefix("/crm/v4/associations/") && path.hasSuffix("/companies/batch/read"):
            if let kind = Kind(rawValue: parts[3]), kind == .deals || kind == .tickets {
                return companyAssociations(body, kind)
            }
        case ("POST", "/crm/v3/objects/tasks"):
            guard let task = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any],
                task["properties"] is [String: Any]
            else {
                return .json(
                    400,
                    HubSpotJSON.error(
                        message: "Invalid input JSON: properties are required", category: "VALIDATION_ERROR"))
            }
            let id = data.locked { $0.recordTask(task) }
            return .json(201, ["id": id, "properties": task["properties"] ?? [:], "archived": false])
        case let ("GET", path) where path.hasPrefix("/crm/v3/objects/companies/"):
            // One company by id; archived ones too when asked with archived=true, as HubSpot does.
            let id = String(path.dropFirst("/crm/v3/objects/companies/".count))
            let archivedToo = request.parameter("archived")?.lowercased() == "true"  // the Python client sends True
            return data.locked { data in
                guard let position = data.companyPosition(id), !data.companies[position].isPurged,
                    !data.companies[position].isArchived || archivedToo
                else {
                    return .json(
                        404,
                        HubSpotJSON.error(
                            message: "Object not found.  objectId are usually numeric.", category: "OBJECT_NOT_FOUND"))
                }
                let asked = HubSpotProperties.asked(request.parameters("properties"))
                let company = HubSpotJSON.company(data.companies[position])
                return .json(200, HubSpotProperties.select(company, asked: asked, kind: .companies))
            }
        default:
            break
        }
        return .json(
            404,
            HubSpotJSON.error(
                message: "Unable to route \(request.method.rawValue) \(request.path)", category: "OBJECT_NOT_FOUND"))
    }

    private var rateHeaders: [String: String] {
        [
            "X-HubSpot-RateLimit-Max": "190", "X-HubSpot-RateLimit-Remaining": "189",
            "X-HubSpot-RateLimit-Interval-Milliseconds": "10000",
        ]
    }

    /// The object types served, by their path.
    enum Kind: String { case companies, contacts, deals, tickets }

    /// Records of a kind as (id, modified, archived, JSON) for paging and search; deals and tickets carry their
    /// company association when `withCompanies` (search never returns associations).
    private func records(
        _ kind: Kind, _ data: SandboxData, withCompanies: Bool = false
    ) -> [(id: Int64, modified: Int64, archived: Bool, json: () -> [String: Any])] {
        switch kind {
        case .companies:
            return data.companies.filter { !$0.isPurged }.map { company in
                (
                    Int64(company.id) ?? 0, company.modifiedMilliseconds, company.isArchived,
                    { HubSpotJSON.company(company) }
                )
            }
        case .contacts:
            return data.contacts.filter { !$0.isPurged }.map { contact in
                (
                    Int64(contact.id) ?? 0, contact.modifiedMilliseconds, contact.isArchived,
                    { HubSpotJSON.contact(contact) }
                )
            }
        case .deals:
            return data.deals.filter { !$0.isPurged }.map { deal in
                (
                    Int64(deal.id) ?? 0, deal.modifiedMilliseconds, deal.isArchived,
                    { HubSpotJSON.deal(deal, withCompanies: withCompanies) }
                )
            }
        case .tickets:
            return data.tickets.filter { !$0.isPurged }.map { ticket in
                (
                    Int64(ticket.id) ?? 0, ticket.modifiedMilliseconds, ticket.isArchived,
                    { HubSpotJSON.ticket(ticket, withCompanies: withCompanies) }
                )
            }
        }
    }

    /// `POST /crm/v4/associations/{deals|tickets}/companies/batch/read`: each input's company with its association
    /// types (the primary labelled `Primary`); unknown or archived ids come back as errors with status 207.
    private func companyAssociations(_ body: Data, _ kind: Kind) -> Reply {
        guard let request = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any],
            let inputs = request["inputs"] as? [[String: Any]]
        else {
            return .json(
                400, HubSpotJSON.error(message: "Invalid input JSON: inputs are required", category: "VALIDATION_ERROR")
            )
        }
        let (primary, unlabeled) = kind == .deals ? (5, 341) : (26, 339)
        return data.locked { data in
            let companies: [String: String] =
                kind == .deals
                ? Dictionary(data.deals.filter { !$0.isArchived }.map { ($0.id, $0.companyID) }) { $1 }
                : Dictionary(data.tickets.filter { !$0.isArchived }.map { ($0.id, $0.companyID) }) { $1 }
            var results: [[String: Any]] = []
            var errors: [[String: Any]] = []
            for id in inputs.compactMap({ $0["id"] as? String }) {
                guard let company = companies[id] else {
                    errors.append([
                        "status": "error", "category": "OBJECT_NOT_FOUND",
                        "message": "No \(kind.rawValue.dropLast()) with id \(id)",
                        "context": ["fromObjectId": [id]],
                    ])
                    continue
                }
                results.append([
                    "from": ["id": id],
                    "to": [
                        [
                            "toObjectId": Int64(company) ?? 0,
                            "associationTypes": [
                                ["category": "HUBSPOT_DEFINED", "typeId": primary, "label": "Primary"],
                                ["category": "HUBSPOT_DEFINED", "typeId": unlabeled, "label": NSNull()],
                            ],
                        ]
                    ],
                ])
            }
            var reply: [String: Any] = ["status": "COMPLETE", "results": results]
            if !errors.isEmpty {
                reply["numErrors"] = errors.count
                reply["errors"] = errors
            }
            return .json(errors.isEmpty ? 200 : 207, reply)
        }
    }

    private func list(_ request: HTTPRequest, _ kind: Kind) -> Reply {
        let limit = min(100, max(1, Int(request.parameter("limit") ?? "10") ?? 10))
        let archived = request.parameter("archived")?.lowercased() == "true"  // hubspot-api-client sends True
        let asked = HubSpotProperties.asked(request.parameters("properties"))
        let withCompanies = (request.parameter("associations") ?? "").split(separator: ",").contains("companies")
        var start = 0
        if let after = request.parameter("after") {
            guard let offset = Self.decodeAfter(after) else {
                return .json(
                    400,
                    HubSpotJSON.error(
                        message: "Invalid input: after=\(after) is not a valid cursor", category: "VALIDATION_ERROR"))
            }
            start = offset
        }
        return data.locked { data in
            let matching = records(kind, data, withCompanies: withCompanies).filter { $0.archived == archived }
            let end = min(matching.count, start + limit)
            let results =
                start < end
                ? matching[start..<end].map { HubSpotProperties.select($0.json(), asked: asked, kind: kind) } : []
            var body: [String: Any] = ["results": results]
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
            return .json(
                400,
                HubSpotJSON.error(
                    message: "There was a problem with the request.", category: "VALIDATION_ERROR",
                    extra: [
                        "errors": [
                            ["message": "paging beyond \(Self.searchCap) results is not supported", "in": "after"]
                        ]
                    ]))
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
            let asked = request["properties"] as? [String]
            let results =
                after < end
                ? matching[after..<end].map { HubSpotProperties.select($0.json(), asked: asked, kind: kind) } : []
            var reply: [String: Any] = ["total": matching.count, "results": results]
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
