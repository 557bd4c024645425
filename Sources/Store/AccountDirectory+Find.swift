import Foundation

/// An account as `scorebook accounts` lists it.
public struct AccountEntry: Sendable, Equatable {
    public let source: String
    public let id: String
    public let name: String
    public let domain: String
    public let industry: String
    public let country: String
}

/// Finding accounts as people look for them: by id, name or domain.
extension AccountDirectory {
    /// Accounts not deleted whose id, name or domain contains `text` (any case; all when nil), by source and id, at
    /// most `limit`.
    public func find(_ text: String?, limit: Int) throws -> [AccountEntry] {
        let pattern =
            "%"
            + (text ?? "").replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_") + "%"
        return try database.makeStatement(
            """
            SELECT source, external_id, coalesce(name, ''), coalesce(domain, ''), coalesce(industry, ''),
                coalesce(country, '')
            FROM accounts
            WHERE deleted_at IS NULL AND (external_id LIKE ?1 ESCAPE '\\' OR name LIKE ?1 ESCAPE '\\'
                OR domain LIKE ?1 ESCAPE '\\')
            ORDER BY source, external_id LIMIT ?2
            """
        ).map([.text(pattern), .integer(Int64(limit))]) { row in
            AccountEntry(
                source: row.text(0) ?? "", id: row.text(1) ?? "", name: row.text(2) ?? "", domain: row.text(3) ?? "",
                industry: row.text(4) ?? "", country: row.text(5) ?? "")
        }
    }

    /// How many accounts are not deleted.
    public func liveCount() throws -> Int {
        try database.makeStatement("SELECT count(*) FROM accounts WHERE deleted_at IS NULL").map { Int($0.integer(0)) }
            .first ?? 0
    }
}
