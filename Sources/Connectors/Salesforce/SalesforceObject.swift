import Store

/// A Salesforce sObject the source syncs: its SOQL name, the fields asked for, its stream and its canonical table.
enum SalesforceObject: String, CaseIterable {
    case account = "Account"
    case contact = "Contact"
    case opportunity = "Opportunity"
    case `case` = "Case"

    /// The fields selected; every object adds `SystemModstamp` (the cursor) and `IsDeleted`.
    var fields: [String] {
        let own: [String]
        switch self {
        case .account:
            own = ["Id", "Name", "Website", "Industry", "NumberOfEmployees", "BillingCountry", "CreatedDate"]
        case .contact: own = ["Id", "AccountId", "Name", "Email", "LastActivityDate", "CreatedDate"]
        case .opportunity:
            own = ["Id", "AccountId", "Name", "StageName", "Amount", "CreatedDate", "CloseDate", "IsClosed", "IsWon"]
        case .case: own = ["Id", "AccountId", "Subject", "Status", "Priority", "IsClosed", "CreatedDate", "ClosedDate"]
        }
        return own + ["SystemModstamp", "IsDeleted"]
    }

    /// The stream's name in the sync state and log (`opportunities`); deletes are `<stream>_deleted`.
    var stream: String {
        switch self {
        case .account: return "accounts"
        case .contact: return "contacts"
        case .opportunity: return "opportunities"
        case .case: return "cases"
        }
    }

    /// The canonical table its records go into.
    var table: CanonicalTable {
        switch self {
        case .account: return .accounts
        case .contact: return .contacts
        case .opportunity: return .deals
        case .case: return .tickets
        }
    }
}
