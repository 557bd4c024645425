import Generator
import Store

/// One column of an import: its name in the file, how it parses, and whether it is required.
struct ImportField: Sendable {
    let name: String
    let kind: FieldKind
    let isRequired: Bool

    init(_ name: String, _ kind: FieldKind, required: Bool = false) {
        self.name = name
        self.kind = kind
        self.isRequired = required
    }
}

/// How each kind of file is read, and the canonical table it writes.
///
/// Fields are listed in the canonical table's column order. A record's key is its id column when the file has one,
/// else its natural key (usage: account and day), else a fingerprint of its content, so a re-import changes nothing.
extension ImportKind {
    /// The table the kind writes.
    public var table: CanonicalTable {
        switch self {
        case .accounts: return .accounts
        case .invoices: return .invoices
        case .mrr: return .mrrChanges
        case .usage: return .usageDaily
        case .tickets: return .tickets
        case .nps: return .npsResponses
        case .assessments: return .assessments
        case .outcomes: return .outcomes
        case .contacts: return .contacts
        }
    }

    /// The column holding the record's own id, if the kind has one.
    var idColumn: String? {
        switch self {
        case .accounts: return "account_id"
        case .invoices: return "invoice_id"
        case .mrr: return "change_id"
        case .tickets: return "ticket_id"
        case .nps: return "response_id"
        case .contacts: return "contact_id"
        case .usage, .assessments, .outcomes: return nil
        }
    }

    /// Columns whose values identify a record that has no id column.
    var naturalKey: [String] {
        switch self {
        case .usage: return ["account_id", "day"]
        case .assessments: return ["account_id", "item", "assessed_date", "author"]
        case .outcomes: return ["account_id", "event", "event_date"]
        default: return []
        }
    }

    /// The mapped fields, in the table's column order.
    var fields: [ImportField] {
        switch self {
        case .accounts:
            return [
                ImportField("name", .text), ImportField("domain", .text), ImportField("industry", .text),
                ImportField("employees", .integer), ImportField("country", .text), ImportField("created_date", .date),
                ImportField("parent_id", .text), ImportField("referred_by", .text),
                ImportField("acquisition_cost_cents", .integer), ImportField("yearly_cost_cents", .integer),
                ImportField("crm_link", .text),
            ]
        case .invoices:
            return [
                ImportField("account_id", .account, required: true), ImportField("issued_date", .date, required: true),
                ImportField("due_date", .date), ImportField("paid_date", .date),
                ImportField("amount_due_cents", .integer, required: true), ImportField("amount_paid_cents", .integer),
                ImportField("currency", .text), ImportField("status", .choice(Self.invoiceStatuses)),
                ImportField("product", .text),
            ]
        case .mrr:
            return [
                ImportField("account_id", .account, required: true),
                ImportField("effective_date", .date, required: true),
                ImportField("mrr_cents", .integer, required: true), ImportField("change_type", .text),
            ]
        case .usage:
            return [
                ImportField("account_id", .account, required: true), ImportField("day", .date, required: true),
                ImportField("active_users", .integer), ImportField("key_feature_uses", .integer),
            ]
        case .tickets:
            return [
                ImportField("account_id", .account, required: true),
                ImportField("opened_at", .timestamp, required: true),
                ImportField("closed_at", .timestamp), ImportField("priority", .text), ImportField("status", .text),
            ]
        case .nps:
            return [
                ImportField("account_id", .account, required: true),
                ImportField("responded_date", .date, required: true),
                ImportField("score", .integer, required: true),
            ]
        case .assessments:
            return [
                ImportField("account_id", .account, required: true), ImportField("item", .text, required: true),
                ImportField("answer", .answer, required: true), ImportField("author", .text),
                ImportField("assessed_date", .date, required: true),
            ]
        case .outcomes:
            return [
                ImportField("account_id", .account, required: true), ImportField("event", .text, required: true),
                ImportField("event_date", .date, required: true),
            ]
        case .contacts:
            return [
                ImportField("account_id", .account, required: true), ImportField("name", .text),
                ImportField("email", .text),
                ImportField("is_primary", .flag), ImportField("last_activity_date", .date),
            ]
        }
    }

    /// Invoice statuses, as Stripe names them.
    static let invoiceStatuses = ["paid", "open", "uncollectible", "void", "draft"]

    /// Columns a file must have.
    var requiredColumns: [String] {
        (self == .accounts ? ["account_id"] : []) + fields.filter(\.isRequired).map(\.name)
    }
}
