import CPostgres
import CSQLite

/// A prepared statement, reused in loops: bind, step, read, reset.
public final class Statement {
    private enum Prepared {
        case sqlite(OpaquePointer)
        case postgres(PostgresStatement)
    }

    private let prepared: Prepared
    /// Unowned: the connection caches its statements, and a strong reference back would keep both alive forever
    /// (and the database never closed, its WAL never checkpointed).
    unowned let database: Database
    /// The SQL text, for error messages.
    public let sql: String

    /// Prepares `sql`; a persistent statement (one the connection caches) tells SQLite it will be reused for long.
    init(database: Database, sql: String, isPersistent: Bool) throws {
        self.database = database
        self.sql = sql
        switch database.connection {
        case .postgres(let server):
            prepared = .postgres(PostgresStatement(connection: server, sql: sql, isPersistent: isPersistent))
        case .sqlite(let connection):
            var handle: OpaquePointer?
            let flags = isPersistent ? UInt32(SQLITE_PREPARE_PERSISTENT) : 0
            let code = sqlite3_prepare_v3(connection, sql, -1, flags, &handle, nil)
            guard code == SQLITE_OK, let handle else {
                throw Self.sqliteError(connection, context: "preparing `\(sql)`")
            }
            prepared = .sqlite(handle)
        }
    }

    deinit {
        if case .sqlite(let handle) = prepared { sqlite3_finalize(handle) }
    }

    /// Binds values to the parameters in order, starting after `offset` parameters, after clearing the previous run.
    @discardableResult
    public func bind(_ values: [SQLValue], offset: Int = 0) throws -> Statement {
        if case .sqlite(let handle) = prepared { sqlite3_reset(handle) }
        for (index, value) in values.enumerated() {
            try bind(value, at: Int32(offset + index + 1))
        }
        return self
    }

    /// Binds UTF-8 bytes as text to a 1-based parameter index, without making a String of them.
    public func bind(utf8 bytes: [UInt8], at index: Int32) throws {
        try bind(utf8: bytes[...], at: index)
    }

    /// Binds a slice of UTF-8 bytes (a record's own span of a page, say) as text to a 1-based parameter index.
    public func bind(utf8 bytes: ArraySlice<UInt8>, at index: Int32) throws {
        let handle: OpaquePointer
        switch prepared {
        case .postgres(let statement):
            return try statement.set(.text(String(decoding: bytes, as: UTF8.self)), at: index)
        case .sqlite(let sqlite): handle = sqlite
        }
        let code = bytes.withUnsafeBufferPointer { Self.bindText(handle, index, $0) }
        guard code == SQLITE_OK else { throw error(context: "binding parameter \(index) of `\(sql)`") }
    }

    /// Steps a statement whose parameters are already bound; returns the number of rows it changed.
    @discardableResult
    public func step() throws -> Int {
        let handle: OpaquePointer
        switch prepared {
        case .postgres(let statement): return try statement.execute(context: "executing `\(sql)`")
        case .sqlite(let sqlite): handle = sqlite
        }
        defer { sqlite3_reset(handle) }
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE || code == SQLITE_ROW else { throw error(context: "executing `\(sql)`") }
        return Int(sqlite3_changes(sqlite3_db_handle(handle)))
    }

    /// Binds one value to a 1-based parameter index.
    public func bind(_ value: SQLValue, at index: Int32) throws {
        let handle: OpaquePointer
        switch prepared {
        case .postgres(let statement): return try statement.set(value, at: index)
        case .sqlite(let sqlite): handle = sqlite
        }
        let code: Int32
        switch value {
        case .null: code = sqlite3_bind_null(handle, index)
        case .integer(let number): code = sqlite3_bind_int64(handle, index, number)
        case .real(let number): code = sqlite3_bind_double(handle, index, number)
        case .text(var text): code = text.withUTF8 { Self.bindText(handle, index, $0) }
        }
        guard code == SQLITE_OK else { throw error(context: "binding parameter \(index) of `\(sql)`") }
    }

    /// Binds UTF-8 text by its length, not up to a NUL: a NUL inside a value is kept, and nothing is counted or
    /// copied to find the end (SQLite copies the bytes once).
    private static func bindText(_ handle: OpaquePointer, _ index: Int32, _ buffer: UnsafeBufferPointer<UInt8>) -> Int32
    {
        guard let pointer = buffer.baseAddress else {
            return sqlite3_bind_text(handle, index, "", 0, csqlite_transient())
        }
        return pointer.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
            sqlite3_bind_text(handle, index, $0, Int32(buffer.count), csqlite_transient())
        }
    }

    /// Runs a statement that returns no rows; returns the number of rows it changed.
    @discardableResult
    public func run(_ values: [SQLValue] = []) throws -> Int {
        try bind(values)
        return try step()
    }

    /// Runs a query and calls `body` with each row.
    public func forEach(_ values: [SQLValue] = [], _ body: (Row) throws -> Void) throws {
        try bind(values)
        let handle: OpaquePointer
        switch prepared {
        case .postgres(let statement):
            let reader = try statement.query(context: "executing `\(sql)`")
            while let result = try reader.next() {
                defer { PQclear(result) }
                for row in 0..<PQntuples(result) { try body(Row(handle: result, postgresRow: row)) }
            }
            return
        case .sqlite(let sqlite): handle = sqlite
        }
        defer { sqlite3_reset(handle) }
        let row = Row(handle: handle, postgresRow: -1)
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else { throw error(context: "executing `\(sql)`") }
            try body(row)
        }
    }

    /// Runs a query and maps every row.
    public func map<T>(_ values: [SQLValue] = [], _ transform: (Row) throws -> T) throws -> [T] {
        var results: [T] = []
        try forEach(values) { results.append(try transform($0)) }
        return results
    }

    private func error(context: String) -> StoreError {
        guard case .sqlite(let handle) = prepared else {
            return StoreError(engine: .postgres, message: "unexpected", context: context)
        }
        return Self.sqliteError(sqlite3_db_handle(handle), context: context)
    }

    private static func sqliteError(_ connection: OpaquePointer?, context: String) -> StoreError {
        StoreError(
            code: sqlite3_extended_errcode(connection), message: String(cString: sqlite3_errmsg(connection)),
            context: context)
    }
}
