/// A domain as identity compares it: lower case, without `www.`.
///
/// `accounts_by_domain_key` (migration 4) is built on this expression for `domain`; a change here needs a new
/// migration with the new index, or lookups stop using it.
public enum DomainKey {
    /// The SQL expression for a column's domain key (also the expression the index is built on).
    public static func expression(_ column: String) -> String {
        "lower(CASE WHEN lower(\(column)) LIKE 'www.%' THEN substr(\(column), 5) ELSE \(column) END)"
    }
}
