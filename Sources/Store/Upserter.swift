/// Idempotent writes into one canonical table: insert, or update only when something differs.
///
/// Whether a row was inserted or updated is the one thing the engines say differently: SQLite sets the last row id
/// on an insert only, PostgreSQL returns `xmax = 0` for a row this statement inserted. On PostgreSQL a per-account
/// record's key holds its account, and its rows under any other account are deleted when the transaction commits
/// (`MovedRecords`), or at once outside one.
public struct Upserter {
    private let statement: Statement
    private let table: CanonicalTable
    private let engine: Engine
    /// Where the account is among the values, for a table whose rows can move between accounts on PostgreSQL.
    private let accountColumn: Int?

    /// Prepares the upsert for a table.
    public init(database: Database, table: CanonicalTable) throws {
        let engine = database.engine
        let columns = table.columns + ["raw"]
        let placeholders = Array(repeating: "?", count: columns.count + 2).joined(separator: ", ")
        let updated = table.updatedColumns(on: engine)
        let updates = updated.map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
        let distinct = engine == .sqlite ? "IS NOT" : "IS DISTINCT FROM"
        let differs = updated.map { "\(table.rawValue).\($0) \(distinct) excluded.\($0)" }.joined(separator: " OR ")
        let upsert = """
            INSERT INTO \(table.rawValue) (source, external_id, \(columns.joined(separator: ", "))) VALUES (\(placeholders))
            ON CONFLICT (\(table.key(on: engine).joined(separator: ", "))) DO UPDATE SET \(updates) WHERE \(differs)
            """
        self.statement = try database.cachedStatement(engine == .sqlite ? upsert : upsert + " RETURNING xmax = 0")
        self.table = table
        self.engine = engine
        let accountInKey = table.key(on: engine).contains("account_id")
        self.accountColumn = accountInKey ? table.columns.firstIndex(of: "account_id") : nil
    }

    /// Writes one record; returns true when a row was inserted or changed.
    @discardableResult
    public func upsert(source: String, externalID: String, values: [SQLValue], raw: String) throws -> Bool {
        try upsert(source: source, externalID: externalID, values: values, raw: Array(raw.utf8))
    }

    /// Writes one record whose raw JSON is UTF-8 bytes; returns true when a row was inserted or changed.
    @discardableResult
    public func upsert(source: String, externalID: String, values: [SQLValue], raw: [UInt8]) throws -> Bool {
        try write(source: source, externalID: externalID, values: values, raw: raw) != .unchanged
    }

    /// Writes one typed row and says what it did.
    ///
    /// `raw` is the record's JSON in UTF-8, or its span of a list page.
    public func write<Row: CanonicalRow>(
        _ row: Row, source: String, externalID: String, raw: ArraySlice<UInt8>
    ) throws -> Outcome {
        precondition(Row.table == table, "a \(Row.table.rawValue) row written to \(table.rawValue)")
        return try write(source: source, externalID: externalID, values: row.values, raw: raw)
    }

    /// Writes one typed row whose raw JSON is UTF-8 bytes; returns what it did.
    @discardableResult
    public func write<Row: CanonicalRow>(_ row: Row, source: String, externalID: String, raw: [UInt8]) throws
        -> Outcome
    {
        try write(row, source: source, externalID: externalID, raw: raw[...])
    }

    /// What a write did; `skipped` is a source's record left out for want of an account to file it under (the
    /// upserter itself never skips).
    public enum Outcome: Sendable, Equatable { case inserted, updated, unchanged, skipped }

    /// Writes one record and says whether it was inserted, updated or left as it was.
    public func write(source: String, externalID: String, values: [SQLValue], raw: [UInt8]) throws -> Outcome {
        try write(source: source, externalID: externalID, values: values, raw: raw[...])
    }

    /// Writes one record given as its mapped values in `table.columns` order, as a mapping declared by column name
    /// (an import's fields) has them; its raw JSON is a slice of a larger body or the whole of it.
    public func write(source: String, externalID: String, values: [SQLValue], raw: ArraySlice<UInt8>) throws -> Outcome
    {
        try bind(source: source, externalID: externalID, values: values, raw: raw)
        guard engine == .sqlite else {
            let outcome = try statement.map { $0.integer(0) == 1 ? Outcome.inserted : .updated }.first ?? .unchanged
            if let accountColumn, case .integer(let account) = values[accountColumn] {
                let database = statement.database
                database.movedRecords.note(table, source: source, externalID: externalID, account: account)
                if !database.isInTransaction { try database.movedRecords.delete(on: database) }
            }
            return outcome
        }
        // An upsert that updates leaves the last rowid alone; an insert sets it (row ids start at 1). Comparing with
        // the rowid before would miss an insert that got the same id as the last row written to another table.
        statement.database.lastInsertedRowID = 0
        guard try statement.step() > 0 else { return .unchanged }
        return statement.database.lastInsertedRowID != 0 ? .inserted : .updated
    }

    private func bind(source: String, externalID: String, values: [SQLValue], raw: ArraySlice<UInt8>) throws {
        precondition(values.count == table.columns.count, "\(table.rawValue) takes \(table.columns.count) values")
        try statement.bind(values, offset: 2)
        try statement.bind(.text(source), at: 1)
        try statement.bind(.text(externalID), at: 2)
        try statement.bind(utf8: raw, at: Int32(values.count + 3))
    }
}
