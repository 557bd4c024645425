/// The canonical tables a source writes into, with their mapped columns.
///
/// Every table also has `source`, `external_id` (unique together) and `raw`, the original record as JSON.
public enum CanonicalTable: String, Sendable, CaseIterable {
    case accounts
    case invoices
    case mrrChanges = "mrr_changes"
    case usageDaily = "usage_daily"
    case tickets
    case npsResponses = "nps_responses"
    case assessments
    case outcomes
    case contacts
    case deals
    case payments

    /// The mapped columns, in the order an upsert binds them.
    public var columns: [String] {
        switch self {
        case .accounts:
            return [
                "name", "domain", "industry", "employees", "country", "created_date", "parent_id", "referred_by",
                "acquisition_cost_cents", "yearly_cost_cents", "crm_link",
            ]
        case .invoices:
            return [
                "account_id", "issued_date", "due_date", "paid_date", "amount_due_cents", "amount_paid_cents",
                "currency", "status", "product",
            ]
        case .mrrChanges: return ["account_id", "effective_date", "mrr_cents", "change_type"]
        case .usageDaily: return ["account_id", "day", "active_users", "key_feature_uses"]
        case .tickets: return ["account_id", "opened_at", "closed_at", "priority", "status"]
        case .npsResponses: return ["account_id", "responded_date", "score"]
        case .assessments: return ["account_id", "item", "answer", "author", "assessed_date"]
        case .outcomes: return ["account_id", "event", "event_date"]
        case .contacts: return ["account_id", "name", "email", "is_primary", "last_activity_date"]
        case .deals:
            return ["account_id", "name", "stage", "amount_cents", "created_date", "close_date", "is_closed", "is_won"]
        case .payments:
            return [
                "account_id", "invoice_external_id", "created_date", "amount_cents", "currency", "status",
                "failure_code",
                "disputed", "refunded_cents",
            ]
        }
    }
}
