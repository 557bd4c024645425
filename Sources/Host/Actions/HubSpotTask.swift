import Connectors
import Foundation

/// Creates a HubSpot task on a company (CRM v3 `POST /crm/v3/objects/tasks`, associated to the company), through
/// the configured HubSpot source's base URL and token.
struct HubSpotTask {
    let source: SourceSettings
    let client: HTTPClient?

    /// HubSpot's association type id for task to company.
    static let taskToCompany = 192

    func create(subject: String, body: String, companyID: String, what: String) throws {
        guard let client else { return }
        let payload: [String: Any] = [
            "properties": [
                "hs_task_subject": subject, "hs_task_body": body, "hs_task_status": "NOT_STARTED",
                "hs_task_priority": "HIGH", "hs_timestamp": ISO8601DateFormatter().string(from: Date()),
            ],
            "associations": [[
                "to": ["id": companyID],
                "types": [["associationCategory": "HUBSPOT_DEFINED", "associationTypeId": Self.taskToCompany]],
            ]],
        ]
        let request = HTTPRequest(
            method: "POST", url: source.baseURL + "/crm/v3/objects/tasks",
            headers: [("Authorization", "Bearer \(source.token)"), ("Content-Type", "application/json")],
            body: CanonicalJSON.bytes(payload))
        _ = try client.send(request, what: "HubSpot task for \(what)") { response in
            switch response.status {
            case 200..<300: return .accept
            case 429, 500...: return .retry(after: HTTPClient.retryAfter(response), reason: "HTTP \(response.status)")
            default: return .fail("HTTP \(response.status) \(String(decoding: response.body.prefix(200), as: UTF8.self))")
            }
        }
    }
}
