/// Many records into one canonical table, idempotently, counting what was inserted and what changed.
///
/// On SQLite each record goes through the prepared upsert as it comes (a statement is a function call there). On
/// PostgreSQL, where each statement is a round trip, records are gathered and every `batchSize` of them copied into a
/// staging table and merged by one `INSERT ... ON CONFLICT ... DO UPDATE ... WHERE ... IS DISTINCT FROM`: measured at
/// 24-30k rows/s new and 77-112k/s unchanged, against 17-19k/s for pipelined single upserts. A record whose key is
/// already gathered sends the batch first, so it is written after the earlier one, as on SQLite.
public final class BulkUpserter {
    /// Records inserted so far (sent ones only; `finish` sends the rest).
    public private(set) var inserted = 0
    /// Records that changed a row so far.
    public private(set) var updated = 0
    /// Records inserted or changed so far.
    public var written: Int { inserted + updated }

    /// How many records PostgreSQL gets per merge.
    public static let batchSize = 5_000

    private let database: Database
    private let table: CanonicalTable
    private let upserter: Upserter?
    private var rows = CopyRows()
    private var keys: Set<String> = []

    /// Writes into `table` on `database`.
    public init(database: Database, table: CanonicalTable) throws {
        self.database = database
        self.table = table
        upserter = database.engine == .sqlite ? try Upserter(database: database, table: table) : nil
    }

    /// Writes one record, or gathers it to be written with the next batch.
    public func add(source: String, externalID: String, values: [SQLValue], raw: ArraySlice<UInt8>) throws {
        precondition(values.count == table.columns.count, "\(table.rawValue) takes \(table.columns.count) values")
        if let upserter {
            switch try upserter.write(source: source, externalID: externalID, values: values, raw: raw) {
            case .inserted: inserted += 1
            case .updated: updated += 1
            case .unchanged, .skipped: break
            }
            return
        }
        let key = source + "\u{1F}" + externalID
        if keys.contains(key) { try flush() }
        keys.insert(key)
        rows.append(.text(source))
        rows.append(.text(externalID))
        for value in values { rows.append(value) }
        rows.append(utf8: raw)
        rows.endRow()
        if rows.count >= Self.batchSize { try flush() }
    }

    /// Writes one record whose raw JSON is UTF-8 bytes.
    public func add(source: String, externalID: String, values: [SQLValue], raw: [UInt8]) throws {
        try add(source: source, externalID: externalID, values: values, raw: raw[...])
    }

    /// Sends what is gathered; call it before the transaction commits.
    public func finish() throws {
        try flush()
    }

    private var columns: [String] { ["source", "external_id"] + table.columns + ["raw"] }
    private var staging: String { "scorebook_staging_\(table.rawValue)" }

    private func flush() throws {
        guard rows.count > 0 else { return }
        // Made again if a rollback took it away; emptied before each batch.
        try database.execute(
            """
            CREATE TEMP TABLE IF NOT EXISTS \(staging) AS
            SELECT \(columns.joined(separator: ", ")) FROM \(table.rawValue) WITH NO DATA;
            TRUNCATE \(staging)
            """)
        _ = try database.copy(into: staging, columns: columns, rows: rows)
        let changing = table.updatedColumns(on: .postgres)
        let updates = changing.map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
        let current = changing.map { "\(table.rawValue).\($0)" }.joined(separator: ", ")
        let incoming = changing.map { "excluded.\($0)" }.joined(separator: ", ")
        let moved = table.movedRowsDeletion(on: .postgres, incoming: "\(staging) AS incoming")
            .map { ", moved AS (\($0))" }
        let merge = """
            WITH written AS (
                INSERT INTO \(table.rawValue) (\(columns.joined(separator: ", ")))
                SELECT \(columns.joined(separator: ", ")) FROM \(staging)
                ON CONFLICT (\(table.key(on: .postgres).joined(separator: ", "))) DO UPDATE SET \(updates)
                WHERE (\(current)) IS DISTINCT FROM (\(incoming))
                RETURNING xmax = 0 AS inserted)\(moved ?? "")
            SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM written
            """
        try database.makeStatement(merge).forEach { row in
            inserted += Int(row.integer(0))
            updated += Int(row.integer(1))
        }
        rows.removeAll()
        keys.removeAll(keepingCapacity: true)
    }
}
