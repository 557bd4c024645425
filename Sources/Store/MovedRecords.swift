/// On PostgreSQL, the per-account records written in the open transaction, whose rows under any other account (the
/// record moved to another account at its source) are deleted before it commits: one statement per table.
///
/// There the account is in a per-account table's key (migration `3-citus-ready`), so writing a moved record inserts a
/// second row. Deleting the old one in each upsert's own statement cannot know which account it was under, and on
/// Citus visited every shard for every record: a Salesforce and Chargebee sync of 200 accounts took 20.6 s, against
/// 7.4 s without the deletion. Outside a transaction the upserter deletes at once.
final class MovedRecords {
    /// A record's key within its table.
    private struct Key: Hashable {
        let source: String
        let externalID: String
    }

    /// By table, each record's latest account.
    private var written: [CanonicalTable: [Key: Int64]] = [:]

    /// The noted records as a table of `source`, `external_id` and `account_id`, from their JSON list.
    private static let incoming = """
        (SELECT * FROM json_to_recordset(?::json) AS r (source text, external_id text, account_id bigint)) AS incoming
        """

    /// Notes that a record was written under `account`.
    func note(_ table: CanonicalTable, source: String, externalID: String, account: Int64) {
        written[table, default: [:]][Key(source: source, externalID: externalID)] = account
    }

    /// Deletes the noted records' rows under other accounts, and forgets them.
    func delete(on database: Database) throws {
        let tables = written
        written = [:]
        for (table, records) in tables.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            guard let deletion = table.movedRowsDeletion(on: database.engine, incoming: Self.incoming) else { continue }
            try database.cachedStatement(deletion).run([.text(Self.list(records))])
        }
    }

    /// Forgets the noted records: their transaction rolled back.
    func discard() { written = [:] }

    /// The records as a JSON array of objects with `source`, `external_id` and `account_id`.
    private static func list(_ records: [Key: Int64]) -> String {
        var writer = JSONWriter()
        writer.raw("[")
        for (index, (key, account)) in records.enumerated() {
            writer.raw(index > 0 ? ",{" : "{")
            writer.member("source")
            writer.string(key.source)
            writer.raw(",")
            writer.member("external_id")
            writer.string(key.externalID)
            writer.raw(",")
            writer.member("account_id")
            writer.integer(account)
            writer.raw("}")
        }
        writer.raw("]")
        return writer.text
    }
}
