import CPostgres
import Foundation

/// One libpq connection, with at most one query being read row by row.
///
/// libpq runs one command at a time per connection. A query read row by row (single-row mode) holds the connection
/// until its last row; a command started meanwhile (an insert inside the loop over a select, as SQLite allows) first
/// has the rest of that query's rows read into memory, so the two never interleave on the wire.
final class PostgresConnection {
    let handle: OpaquePointer
    /// The URL with its password masked, for messages.
    let displayURL: String
    private weak var reader: PostgresReader?
    private var preparedCount = 0
    /// The SQL of a command sent without waiting for its answer (`send`), until the answer is collected.
    var sent: String?

    /// Connects to a libpq URI (`postgresql://user@host:port/db`).
    init(url: String) throws {
        displayURL = Self.masked(url)
        guard let handle = PQconnectdb(url) else {
            throw StoreError(engine: .postgres, message: "out of memory", context: "connecting to \(displayURL)")
        }
        guard PQstatus(handle) == CONNECTION_OK else {
            let message = Self.message(handle)
            PQfinish(handle)
            throw StoreError(engine: .postgres, message: message, context: "connecting to \(displayURL)")
        }
        self.handle = handle
        try execute("SET client_min_messages = warning")
    }

    deinit {
        reader?.drain()
        PQfinish(handle)
    }

    /// Runs one or more statements without parameters.
    func execute(_ sql: String) throws {
        try settle()
        let result = PQexec(handle, sql)
        defer { PQclear(result) }
        try check(result, context: "executing `\(sql)`")
    }

    /// A new name for a server-side prepared statement.
    func nextStatementName() -> String {
        preparedCount += 1
        return "scorebook_\(preparedCount)"
    }

    /// Reads the rest of a query still being read row by row, and waits for a command sent, so the connection is free
    /// for another command; throws the sent command's error.
    func settle() throws {
        reader?.drain()
        reader = nil
        _ = try collectSent()
    }

    /// Marks `reader` as the query now holding the connection.
    func begin(_ reader: PostgresReader) {
        self.reader = reader
    }

    /// Throws unless `result` is a success; `context` says what was being done.
    func check(_ result: OpaquePointer?, context: String) throws {
        switch result.map(PQresultStatus) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_SINGLE_TUPLE, PGRES_EMPTY_QUERY: return
        default: throw error(result, context: context)
        }
    }

    /// The error of a failed result (or of the connection when there is none).
    func error(_ result: OpaquePointer?, context: String) -> StoreError {
        guard let result else {
            return StoreError(engine: .postgres, message: Self.message(handle), context: context)
        }
        let state = PQresultErrorField(result, Int32(UInt8(ascii: "C"))).map { String(cString: $0) }
        let message =
            PQresultErrorField(result, Int32(UInt8(ascii: "M"))).map { String(cString: $0) }
            ?? Self.message(handle)
        return StoreError(engine: .postgres, state: state, message: message, context: context)
    }

    private static func message(_ handle: OpaquePointer) -> String {
        String(cString: PQerrorMessage(handle)).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `url` with any password replaced by `***`, in the userinfo or as a `password=` parameter.
    static func masked(_ url: String) -> String {
        var text = url
        if let scheme = text.range(of: "://"), let at = text[scheme.upperBound...].firstIndex(of: "@") {
            let userinfo = text[scheme.upperBound..<at]
            if let colon = userinfo.firstIndex(of: ":") {
                text.replaceSubrange(text.index(after: colon)..<at, with: "***")
            }
        }
        if let range = text.range(of: "password=") {
            let end = text[range.upperBound...].firstIndex(of: "&") ?? text.endIndex
            text.replaceSubrange(range.upperBound..<end, with: "***")
        }
        return text
    }
}

extension PostgresConnection {
    /// Sends `rows` to `COPY table (columns) FROM STDIN`; returns how many rows the server took.
    func copy(into table: String, columns: [String], rows: CopyRows) throws -> Int {
        try sendCopy(into: table, columns: columns, rows: rows)
        return try collectSent()?.changed ?? 0
    }

    /// Sends `rows` to `COPY table (columns) FROM STDIN` and returns once they are sent, while the server may still
    /// be writing them; `collectSent` (or the next command) waits for the answer, the number of rows taken.
    func sendCopy(into table: String, columns: [String], rows: CopyRows) throws {
        try settle()
        let sql = "COPY \(table) (\(columns.joined(separator: ", "))) FROM STDIN"
        let started = PQexec(handle, sql)
        guard PQresultStatus(started) == PGRES_COPY_IN else {
            defer { PQclear(started) }
            throw error(started, context: "executing `\(sql)`")
        }
        PQclear(started)
        let chunk = 1 << 20
        var delivered = true
        rows.bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while delivered && offset < buffer.count {
                let length = min(chunk, buffer.count - offset)
                let pointer = UnsafeRawPointer(base + offset).assumingMemoryBound(to: CChar.self)
                delivered = PQputCopyData(handle, pointer, Int32(length)) == 1
                offset += length
            }
        }
        PQputCopyEnd(handle, delivered ? nil : "scorebook could not send the rows")
        sent = sql
    }
}
