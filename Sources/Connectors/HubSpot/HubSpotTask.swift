import Foundation

/// Creates a HubSpot task on a company (CRM v3 `POST /crm/v3/objects/tasks`, associated to the company), through
/// the configured HubSpot source's base URL and token, and finds one by the delivery id in its body.
public struct HubSpotTask {
    let source: SourceSettings
    let client: HTTPClient?

    /// Creates the call on a HubSpot source's settings and a client.
    public init(source: SourceSettings, client: HTTPClient?) {
        self.source = source
        self.client = client
    }

    /// HubSpot's association type id for task to company.
    static let taskToCompany = 192

    /// True when a task whose body holds the delivery id exists (made by an `act` that crashed before recording it).
    public func exists(deliveryID: String, what: String) throws -> Bool {
        guard let client else { return false }
        let query: [String: Any] = [
            "filterGroups": [
                ["filters": [["propertyName": "hs_task_body", "operator": "CONTAINS_TOKEN", "value": deliveryID]]]
            ],
            "properties": ["hs_task_subject"], "limit": 1,
        ]
        let request = HTTPRequest(
            method: "POST", url: source.baseURL + "/crm/v3/objects/tasks/search",
            headers: [("Authorization", "Bearer \(source.token)"), ("Content-Type", "application/json")],
            body: CanonicalJSON.bytes(query))
        let searchPacer = HubSpotSearchPacer.pacer(
            token: source.token, requestsPerSecond: source.searchRequestsPerSecond)
        let response = try client.send(
            request, what: "HubSpot task search for \(what)", endpointPacer: searchPacer, classify: Self.classify)
        guard let total = (response.jsonObject?["total"] as? NSNumber)?.intValue else {
            throw SyncError(what: "HubSpot task search for \(what)", reason: "the answer has no total")
        }
        return total > 0
    }

    /// Creates the task, associated to the company.
    public func create(subject: String, body: String, companyID: String, what: String) throws {
        guard let client else { return }
        let payload: [String: Any] = [
            "properties": [
                "hs_task_subject": subject, "hs_task_body": body, "hs_task_status": "NOT_STARTED",
                "hs_task_priority": "HIGH", "hs_timestamp": ISO8601DateFormatter().string(from: Date()),
            ],
            "associations": [
                [
                    "to": ["id": companyID],
                    "types": [["associationCategory": "HUBSPOT_DEFINED", "associationTypeId": Self.taskToCompany]],
                ]
            ],
        ]
        let request = HTTPRequest(
            method: "POST", url: source.baseURL + "/crm/v3/objects/tasks",
            headers: [("Authorization", "Bearer \(source.token)"), ("Content-Type", "application/json")],
            body: CanonicalJSON.bytes(payload))
        _ = try client.send(request, what: "HubSpot task for \(what)", classify: Self.classify)
    }

    private static func classify(_ response: HTTPResponse) -> ResponseVerdict {
        switch response.status {
        case 200..<300: return .accept
        case 429, 500...: return .retry(after: HTTPClient.retryAfter(response), reason: "HTTP \(response.status)")
        default: return .fail("HTTP \(response.status) \(String(decoding: response.body.prefix(200), as: UTF8.self))")
        }
    }
}
