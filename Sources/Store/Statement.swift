import CSQLite

/// A prepared statement, reused in loops: bind, step, read, reset.
public final class Statement {
    let handle: OpaquePointer
    /// Unowned: the connection caches its statements, and a strong reference back would keep both alive forever
    /// (and the database never closed, its WAL never checkpointed).
    unowned let database: Database
    /// The SQL text, for error messages.
    public let sql: String

    /// Prepares `sql`; a persistent statement (one the connection caches) tells SQLite it will be reused for long.
    init(database: Database, sql: String, isPersistent: Bool) throws {
        var handle: OpaquePointer?
        let flags = isPersistent ? UInt32(SQLITE_PREPARE_PERSISTENT) : 0
        let code = sqlite3_prepare_v3(database.handle, sql, -1, flags, &handle, nil)
        guard code == SQLITE_OK, let handle else {
            throw database.error(code, context: "preparing `\(sql)`")
        }
        self.handle = handle
        self.database = database
        self.sql = sql
    }

    deinit { sqlite3_finalize(handle) }

    /// Binds values to the parameters in order, starting after `offset` parameters, after clearing the previous run.
    @discardableResult
    public func bind(_ values: [SQLValue], offset: Int = 0) throws -> Statement {
        sqlite3_reset(handle)
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
        let code = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    sqlite3_bind_text(handle, index, $0, Int32(buffer.count), csqlite_transient())
                }
            } ?? sqlite3_bind_text(handle, index, "", 0, csqlite_transient())
        }
        guard code == SQLITE_OK else { throw database.error(code, context: "binding parameter \(index) of `\(sql)`") }
    }

    /// Steps a statement whose parameters are already bound; returns the number of rows it changed.
    @discardableResult
    public func step() throws -> Int {
        defer { sqlite3_reset(handle) }
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE || code == SQLITE_ROW else { throw database.error(code, context: "executing `\(sql)`") }
        return Int(sqlite3_changes(database.handle))
    }

    /// Binds one value to a 1-based parameter index.
    public func bind(_ value: SQLValue, at index: Int32) throws {
        let code: Int32
        switch value {
        case .null: code = sqlite3_bind_null(handle, index)
        case .integer(let number): code = sqlite3_bind_int64(handle, index, number)
        case .real(let number): code = sqlite3_bind_double(handle, index, number)
        case .text(let text): code = sqlite3_bind_text(handle, index, text, -1, csqlite_transient())
        }
        guard code == SQLITE_OK else { throw database.error(code, context: "binding parameter \(index) of `\(sql)`") }
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
        defer { sqlite3_reset(handle) }
        let row = Row(handle: handle)
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else { throw database.error(code, context: "executing `\(sql)`") }
            try body(row)
        }
    }

    /// Runs a query and maps every row.
    public func map<T>(_ values: [SQLValue] = [], _ transform: (Row) throws -> T) throws -> [T] {
        var results: [T] = []
        try forEach(values) { results.append(try transform($0)) }
        return results
    }
}

/// The current row of a running query; valid only inside the `forEach` body.
public struct Row {
    let handle: OpaquePointer

    /// True when the column is NULL.
    public func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }

    /// The column as an integer (0 for NULL).
    public func integer(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }

    /// The column as a number (0 for NULL).
    public func double(_ column: Int32) -> Double { sqlite3_column_double(handle, column) }

    /// The column as text, or nil for NULL.
    public func text(_ column: Int32) -> String? {
        guard let pointer = sqlite3_column_text(handle, column) else { return nil }
        return String(cString: pointer)
    }

    /// The column as an optional number.
    public func optionalDouble(_ column: Int32) -> Double? { isNull(column) ? nil : double(column) }

    /// The column as an optional integer.
    public func optionalInteger(_ column: Int32) -> Int64? { isNull(column) ? nil : integer(column) }
}
