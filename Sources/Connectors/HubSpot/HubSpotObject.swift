/// A HubSpot CRM object type the source syncs: its path, the properties asked for, and its last-modified property.
enum HubSpotObject: String, CaseIterable {
    case companies
    case contacts

    /// The properties requested.
    var properties: [String] {
        switch self {
        case .companies: return ["name", "domain", "industry", "numberofemployees", "country", "createdate", "hs_lastmodifieddate"]
        case .contacts:
            return ["email", "firstname", "lastname", "associatedcompanyid", "notes_last_updated", "lastmodifieddate"]
        }
    }

    /// The property incremental search filters and sorts on (contacts use `lastmodifieddate`).
    var lastModified: String {
        self == .contacts ? "lastmodifieddate" : "hs_lastmodifieddate"
    }
}
