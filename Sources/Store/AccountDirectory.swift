/// Looks up accounts' row ids by the ids the user's data gives them.
public struct AccountDirectory {
    let database: Database

    /// Creates the directory on a connection.
    public init(database: Database) { self.database = database }

    /// The external ids of a source's accounts not marked deleted.
    public func liveExternalIDs(source: String) throws -> Set<String> {
        Set(
            try database.makeStatement("SELECT external_id FROM accounts WHERE source = ? AND deleted_at IS NULL")
                .map([.text(source)]) { $0.text(0) ?? "" })
    }

    /// Every account's row id by its external id, in one query (file imports resolve `account_id` through this).
    public func rowIDsByExternalID() throws -> [String: Int64] {
        var map: [String: Int64] = [:]
        try database.makeStatement("SELECT external_id, id FROM accounts ORDER BY id").forEach { row in
            if let id = row.text(0), map[id] == nil { map[id] = row.integer(1) }
        }
        return map
    }

    /// Each account's parent, by external ids (`parent_id` as the data gives it), for accounts that have one.
    public func parentLinks() throws -> [String: String] {
        var links: [String: String] = [:]
        try database.makeStatement(
            "SELECT external_id, parent_id FROM accounts WHERE parent_id IS NOT NULL AND parent_id <> '' AND "
                + "deleted_at IS NULL"
        ).forEach { row in
            if let child = row.text(0), let parent = row.text(1) { links[child] = parent }
        }
        return links
    }

    /// The number of rows in a canonical table.
    public func count(_ table: CanonicalTable) throws -> Int {
        Int(try database.makeStatement("SELECT count(*) FROM \(table.rawValue)").map { $0.integer(0) }.first ?? 0)
    }

    /// Records a finished import.
    public func recordImport(kind: String, file: String, rowsRead: Int, rowsWritten: Int, at timestamp: String) throws {
        try database.makeStatement(
            "INSERT INTO imports (kind, file, rows_read, rows_written, imported_at) VALUES (?, ?, ?, ?, ?)"
        )
        .run([.text(kind), .text(file), .integer(Int64(rowsRead)), .integer(Int64(rowsWritten)), .text(timestamp)])
    }
}
