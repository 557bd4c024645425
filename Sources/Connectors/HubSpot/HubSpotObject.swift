import Store

/// A HubSpot CRM object type the source syncs: its path, the properties asked for, its last-modified property and
/// the canonical table it fills.
enum HubSpotObject: String, CaseIterable {
    case companies
    case contacts
    case deals
    case tickets

    /// The properties requested.
    var properties: [String] {
        switch self {
        case .companies:
            return ["name", "domain", "industry", "numberofemployees", "country", "createdate", "hs_lastmodifieddate"]
        case .contacts:
            return ["email", "firstname", "lastname", "associatedcompanyid", "notes_last_updated", "lastmodifieddate"]
        case .deals:
            return [
                "dealname", "dealstage", "pipeline", "amount", "deal_currency_code", "createdate", "closedate",
                "hs_is_closed",
                "hs_is_closed_won", "hs_lastmodifieddate",
            ]
        case .tickets:
            return [
                "subject", "hs_pipeline", "hs_pipeline_stage", "hs_ticket_priority", "createdate", "closed_date",
                "hs_lastmodifieddate",
            ]
        }
    }

    /// The property incremental search filters and sorts on (contacts use `lastmodifieddate`).
    var lastModified: String {
        self == .contacts ? "lastmodifieddate" : "hs_lastmodifieddate"
    }

    /// The canonical table its records go into.
    var table: CanonicalTable {
        switch self {
        case .companies: return .accounts
        case .contacts: return .contacts
        case .deals: return .deals
        case .tickets: return .tickets
        }
    }

    /// True for objects filed under the company they are associated with (`associations=companies`); contacts carry
    /// theirs in the `associatedcompanyid` property instead.
    var isAssociatedWithCompanies: Bool { self == .deals || self == .tickets }
}
