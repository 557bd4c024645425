/// One scored account as the module sees it: the id from the user's data and a display name.
public struct AccountRef: Hashable, Sendable {
    /// The account's id as the user's data gives it (the imported `account_id`, or the CRM's id).
    public let id: String
    /// The account's display name.
    public let name: String

    /// Creates a reference.
    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}

/// The facts for a batch of accounts, one column per fact, as of one day.
///
/// Columnar so a module can normalise a signal over the whole base in one pass.
public struct FactTable: Sendable {
    /// The day the facts are computed as of.
    public let asOf: Day
    /// The accounts, in row order.
    public let accounts: [AccountRef]
    private var columns: [FactKey: [Double?]]

    /// Creates an empty table for these accounts.
    public init(asOf: Day, accounts: [AccountRef]) {
        self.asOf = asOf
        self.accounts = accounts
        self.columns = [:]
    }

    /// Creates a table from rows, the way worked examples and tests write facts.
    public init(asOf: Day, rows: [(account: AccountRef, facts: [FactKey: Double])]) {
        self.init(asOf: asOf, accounts: rows.map(\.account))
        let keys = Set(rows.flatMap { $0.facts.keys })
        for key in keys {
            columns[key] = rows.map { $0.facts[key] }
        }
    }

    /// Sets a whole column; its length must match the accounts.
    public mutating func setColumn(_ key: FactKey, _ values: [Double?]) {
        precondition(
            values.count == accounts.count, "fact column \(key) has \(values.count) rows for \(accounts.count) accounts"
        )
        columns[key] = values
    }

    /// The column for a fact; all nil when the host has none.
    public func column(_ key: FactKey) -> [Double?] {
        columns[key] ?? Array(repeating: nil, count: accounts.count)
    }

    /// The facts present in this table.
    public var keys: [FactKey] { Array(columns.keys) }
}
