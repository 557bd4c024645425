/// On PostgreSQL, the per-account records written in the open transaction, whose rows under any other account (the
/// record moved to another account at its source) are deleted before it commits: one statement per table.
///
/// There the account is in a per-account table's key (migration `3-citus-ready`), so writing a moved record inserts a
/// second row. Deleting the old one in each upsert's own statement cannot know which account it was under, and on
/// Citus visited every shard for every record: a Salesforce and Chargebee sync of 200 accounts took 20.6 s, against
/// 7.4 s without the deletion. Outside a transaction the upserter deletes at once.
final class MovedRecords {
    private struct Written {
        var source: String
        var externalID: String
        var account: Int64
    }

    /// By table, each record's latest account, by its key.
    private var written: [CanonicalTable: [String: Written]] = [:]

    /// Whether records wait for their deletion.
    var isEmpty: Bool { written.isEmpty }

    /// Notes that a record was written under `account`.
    func note(_ table: CanonicalTable, source: String, externalID: String, account: Int64) {
        written[table, default: [:]][source + "\u{1F}" + externalID] = Written(
            source: source, externalID: externalID, account: account)
    }

    /// Deletes the noted records' rows under other accounts, and forgets them.
    func delete(on database: Database) throws {
        let tables = written
        written = [:]
        for (table, records) in tables.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            let incoming = """
                (SELECT * FROM json_to_recordset(?::json) AS r (source text, external_id text, account_id bigint)) \
                AS incoming
                """
            guard let deletion = table.movedRowsDeletion(on: database.engine, incoming: incoming) else { continue }
            try database.cachedStatement(deletion).run([.text(Self.list(records.values))])
        }
    }

    /// Forgets the noted records: their transaction rolled back.
    func discard() { written = [:] }

    /// The records as a JSON array of objects with `source`, `external_id` and `account_id`.
    private static func list(_ records: some Collection<Written>) -> String {
        var writer = JSONWriter()
        writer.raw("[")
        for (index, record) in records.enumerated() {
            if index > 0 { writer.raw(",") }
            writer.raw("{\"source\":")
            writer.string(record.source)
            writer.raw(",\"external_id\":")
            writer.string(record.externalID)
            writer.raw(",\"account_id\":")
            writer.integer(record.account)
            writer.raw("}")
        }
        writer.raw("]")
        return writer.text
    }
}
