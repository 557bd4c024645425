/// A record as one canonical table holds it: its mapped columns by name, so a mapping says which value goes where.
///
/// `values` lists them in `table.columns` order, the order an upsert binds; `CanonicalRowTests` checks every row
/// type's properties against its table's columns, name for name.
public protocol CanonicalRow: Sendable {
    /// The table the row belongs to.
    static var table: CanonicalTable { get }
    /// The mapped columns' values, in `table.columns` order.
    var values: [SQLValue] { get }
}

/// A row of a per-account table, filed under an account's row id.
public protocol AccountFiledRow: CanonicalRow {
    /// The row id of the account the record is filed under.
    var accountID: Int64 { get set }
}

extension Optional where Wrapped == Int64 {
    /// The number as an integer, or NULL.
    public var sqlValue: SQLValue { map(SQLValue.integer) ?? .null }
}

extension Optional where Wrapped == Double {
    /// The number as a real, or NULL.
    public var sqlValue: SQLValue { map(SQLValue.real) ?? .null }
}

extension Optional where Wrapped == Bool {
    /// The flag as 1 or 0, or NULL.
    public var sqlValue: SQLValue { map { .integer($0 ? 1 : 0) } ?? .null }
}
