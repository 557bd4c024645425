/// A source's rows in one canonical table by external id, for a reconciliation to set beside what the source lists.
public struct SourceRows {
    private let database: Database

    /// Creates the reader on a connection.
    public init(database: Database) { self.database = database }

    /// The external ids of a source's rows in `table`, less those whose `status` is `excludedStatus` (an invoice
    /// already marked `deleted`).
    public func externalIDs(
        _ table: CanonicalTable, source: String, excludingStatus excludedStatus: String? = nil
    ) throws -> Set<String> {
        let filter = excludedStatus == nil ? "" : " AND (status IS NULL OR status <> ?)"
        let values: [SQLValue] = [.text(source)] + (excludedStatus.map { [.text($0)] } ?? [])
        return Set(
            try database.makeStatement("SELECT external_id FROM \(table.rawValue) WHERE source = ?\(filter)")
                .map(values) { $0.text(0) ?? "" })
    }

    /// Sets a row's `status` (an invoice's `deleted`); true when it changed.
    public func setStatus(_ status: String, _ table: CanonicalTable, source: String, externalID: String) throws -> Bool
    {
        try database.cachedStatement(
            "UPDATE \(table.rawValue) SET status = ? WHERE source = ? AND external_id = ? AND (status IS NULL "
                + "OR status <> ?)"
        ).run([.text(status), .text(source), .text(externalID), .text(status)]) > 0
    }
}
