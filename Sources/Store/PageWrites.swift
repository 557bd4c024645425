/// The rows of one page of a listing, written table by table, and what each of the page's records did.
///
/// On SQLite each row goes through its table's prepared upsert as it comes. On PostgreSQL, where a statement is a
/// round trip, a 10k-account Stripe sync wrote its 370k rows one upsert at a time in 49-56 s (7.6 s on SQLite). There
/// a page's rows are gathered per table, and `finish` sends each table's as one parameter of one statement that
/// merges them (`CanonicalTable.mergeFromRecordset`), which also deletes the rows of records that moved to another
/// account. A row whose key is already gathered sends its table's rows first, so the later row wins, as on SQLite.
/// Rows of tables the page's mapping reads back (an account looked up by its id) must not wait here.
public final class PageWrites {
    private let database: Database
    private var upserters: [CanonicalTable: Upserter] = [:]
    private var gathered: [CanonicalTable: Gathered] = [:]
    /// Each table's merge, its text made once (the statement itself is planned afresh each time: `send`).
    private var merges: [CanonicalTable: String] = [:]
    /// Each record's first row that was inserted or changed, by the record's number in the page.
    private var changes: [Int: (row: Int, outcome: Upserter.Outcome)] = [:]
    private var rowsAdded = 0

    /// One table's gathered rows, and for each key the record and the row number it came from.
    private struct Gathered {
        var rows: RecordsetRows
        var origins: [Key: (record: Int, row: Int)] = [:]

        init(_ table: CanonicalTable) { rows = RecordsetRows(columns: table.writtenColumns) }
    }

    private struct Key: Hashable {
        let source: String
        let externalID: String
    }

    /// Writes into `database`.
    public init(database: Database) { self.database = database }

    /// Writes, or gathers to write at `finish`, one row of the page's record number `record`.
    public func add<Row: CanonicalRow>(
        _ row: Row, source: String, externalID: String, raw: ArraySlice<UInt8>, record: Int
    ) throws {
        rowsAdded += 1
        let table = Row.table
        guard database.engine == .postgres else {
            let upserter = try upserters[table] ?? Upserter(database: database, table: table)
            upserters[table] = upserter
            note(try upserter.write(row, source: source, externalID: externalID, raw: raw), record: record)
            return
        }
        let key = Key(source: source, externalID: externalID)
        if gathered[table]?.origins[key] != nil { try send(table) }
        var batch = gathered.removeValue(forKey: table) ?? Gathered(table)
        batch.rows.append(.text(source))
        batch.rows.append(.text(externalID))
        for value in row.values { batch.rows.append(value) }
        batch.rows.append(utf8: raw)
        batch.rows.endRow()
        batch.origins[key] = (record, rowsAdded)
        gathered[table] = batch
    }

    /// Writes what is gathered and returns what each changed record did, by its number.
    ///
    /// A record's outcome is its first row's that was inserted or changed; a record missing from the answer changed
    /// nothing. The next page starts afresh.
    public func finish() throws -> [Int: Upserter.Outcome] {
        for table in gathered.keys.sorted(by: { $0.rawValue < $1.rawValue }) { try send(table) }
        defer {
            changes.removeAll(keepingCapacity: true)
            rowsAdded = 0
        }
        return changes.mapValues(\.outcome)
    }

    /// Notes what a record's row did, keeping the record's first change.
    private func note(_ outcome: Upserter.Outcome, record: Int, row: Int? = nil) {
        guard outcome == .inserted || outcome == .updated else { return }
        let row = row ?? rowsAdded
        if let earlier = changes[record], earlier.row < row { return }
        changes[record] = (row, outcome)
    }

    /// Merges a table's gathered rows in one statement, noting what each did.
    private func send(_ table: CanonicalTable) throws {
        guard let batch = gathered.removeValue(forKey: table), batch.rows.count > 0 else { return }
        // Planned afresh each time, for the table as it is: a plan kept from the first pages, when the table was
        // small, found moved records by reading the whole table (a 10k-account sync took 32.7 s instead of 10).
        let sql =
            merges[table]
            ?? table.mergeFromRecordset(returning: ["source", "external_id"], select: "source, external_id, inserted")
        merges[table] = sql
        let merge = try database.makeStatement(sql)
        try merge.forEach([.text(batch.rows.json)]) { written in
            let key = Key(source: written.text(0) ?? "", externalID: written.text(1) ?? "")
            guard let origin = batch.origins[key] else { return }
            note(written.integer(2) == 1 ? .inserted : .updated, record: origin.record, row: origin.row)
        }
    }
}
