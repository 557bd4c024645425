/// An `accounts` row: a customer as a source or a file describes it.
public struct AccountRow: CanonicalRow, Equatable {
    public static let table = CanonicalTable.accounts
    public var name: String?
    public var domain: String?
    public var industry: String?
    public var employees: Int64?
    public var country: String?
    /// The day the customer was created at its source, `YYYY-MM-DD`.
    public var createdDate: String?
    /// The external id of the parent account.
    public var parentID: String?
    /// The external id of the account that referred this one.
    public var referredBy: String?
    public var acquisitionCostCents: Int64?
    public var yearlyCostCents: Int64?
    /// The CRM record a billing customer names as its own (`metadata.hubspot_company_id`), for identity linking.
    public var crmLink: String?

    /// A row with the given columns; the others are NULL (an empty row keeps a vanished customer's place).
    public init(
        name: String? = nil, domain: String? = nil, industry: String? = nil, employees: Int64? = nil,
        country: String? = nil, createdDate: String? = nil, parentID: String? = nil, referredBy: String? = nil,
        acquisitionCostCents: Int64? = nil, yearlyCostCents: Int64? = nil, crmLink: String? = nil
    ) {
        self.name = name
        self.domain = domain
        self.industry = industry
        self.employees = employees
        self.country = country
        self.createdDate = createdDate
        self.parentID = parentID
        self.referredBy = referredBy
        self.acquisitionCostCents = acquisitionCostCents
        self.yearlyCostCents = yearlyCostCents
        self.crmLink = crmLink
    }

    public var values: [SQLValue] {
        [
            name.sqlValue, domain.sqlValue, industry.sqlValue, employees.sqlValue, country.sqlValue,
            createdDate.sqlValue, parentID.sqlValue, referredBy.sqlValue, acquisitionCostCents.sqlValue,
            yearlyCostCents.sqlValue, crmLink.sqlValue,
        ]
    }
}
