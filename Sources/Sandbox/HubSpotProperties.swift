import Foundation

/// The properties a HubSpot record comes back with: those asked for in `properties=` (or a search's `properties`), else
/// the object type's defaults; `hs_object_id`, `createdate` and the last-modified date come always, as HubSpot sends
/// them (https://developers.hubspot.com/docs/api-reference/crm-companies-v3/basic/get-crm-v3-objects-companies).
///
/// A property asked for that the record has no value of comes back null; a connector that forgets to ask for one gets
/// nothing of it.
enum HubSpotProperties {
    /// HubSpot's default properties per object type.
    static func defaults(_ kind: HubSpotRoutes.Kind) -> [String] {
        switch kind {
        case .companies: return ["name", "domain"]
        case .contacts: return ["email", "firstname", "lastname"]
        case .deals: return ["amount", "closedate", "dealname", "dealstage", "pipeline"]
        case .tickets:
            return [
                "content", "hs_pipeline", "hs_pipeline_stage", "hs_ticket_category", "hs_ticket_priority", "subject",
            ]
        }
    }

    /// The `properties=` of a list or read: comma-separated names, or the parameter repeated; nil when not given.
    static func asked(_ values: [String]) -> [String]? {
        values.isEmpty
            ? nil : values.flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
    }

    /// The record with only the properties asked for (or the defaults), plus those always sent.
    static func select(_ record: [String: Any], asked: [String]?, kind: HubSpotRoutes.Kind) -> [String: Any] {
        guard let all = record["properties"] as? [String: Any] else { return record }
        let always = ["hs_object_id", "createdate", kind == .contacts ? "lastmodifieddate" : "hs_lastmodifieddate"]
        var chosen: [String: Any] = [:]
        for name in (asked ?? defaults(kind)) + always where !name.isEmpty {
            chosen[name] = all[name] ?? NSNull()
        }
        var selected = record
        selected["properties"] = chosen
        return selected
    }
}
