import CPostgres
import Foundation

/// A statement on PostgreSQL: its SQL with `$n` parameters, the values bound to them, and their declared types.
///
/// Values go as text with a declared type per parameter (`bigint`, `double precision`, `text`; NULL leaves the type
/// to the server), so a date's text compared with a text column stays text and an integer never becomes a 32-bit
/// one. A cached statement is prepared on the server once per combination of types it is run with, and lives as
/// long as the connection.
final class PostgresStatement {
    let connection: PostgresConnection
    let sql: String
    private let isPersistent: Bool
    private var values: [SQLValue]
    private var prepared: [[Oid]: String] = [:]

    static let bigint: Oid = 20
    static let doublePrecision: Oid = 701
    static let text: Oid = 25

    init(connection: PostgresConnection, sql: String, isPersistent: Bool) {
        let translated = PostgresSQL.translate(sql)
        self.connection = connection
        self.sql = translated.text
        self.isPersistent = isPersistent
        values = Array(repeating: .null, count: translated.parameterCount)
    }

    /// Sets the 1-based parameter `index`.
    func set(_ value: SQLValue, at index: Int32) throws {
        guard index >= 1, Int(index) <= values.count else {
            throw StoreError(engine: .postgres, message: "no parameter \(index)", context: "binding `\(sql)`")
        }
        values[Int(index) - 1] = value
    }

    /// Runs the statement; returns the rows it changed.
    func execute(context: String) throws -> Int {
        try connection.settle()
        let result = try withParameters(context: context) { name, count, types, parameters in
            if let name {
                return PQexecPrepared(connection.handle, name, count, parameters, nil, nil, 0)
            }
            return PQexecParams(connection.handle, sql, count, types, parameters, nil, nil, 0)
        }
        defer { PQclear(result) }
        try connection.check(result, context: context)
        return Int(String(cString: PQcmdTuples(result))) ?? 0
    }

    /// Starts the query and returns its reader, which holds the connection until its rows are read.
    func query(context: String) throws -> PostgresReader {
        try connection.settle()
        let sent = try withParameters(context: context) { name, count, types, parameters in
            if let name {
                return PQsendQueryPrepared(connection.handle, name, count, parameters, nil, nil, 0)
            }
            return PQsendQueryParams(connection.handle, sql, count, types, parameters, nil, nil, 0)
        }
        guard sent == 1 else { throw connection.error(nil, context: context) }
        PQsetSingleRowMode(connection.handle)
        let reader = PostgresReader(connection: connection, context: context)
        connection.begin(reader)
        return reader
    }

    /// Calls `body` with the prepared statement's name (nil for a one-off) and the parameters' count, types and text.
    private func withParameters<T>(
        context: String, _ body: (String?, Int32, UnsafePointer<Oid>?, UnsafePointer<UnsafePointer<CChar>?>?) -> T
    ) throws -> T {
        let types = values.map(Self.type)
        let name = try isPersistent ? preparedName(for: types, context: context) : nil
        // libpq takes each text up to a NUL: refused, not cut short without a word.
        if let position = values.firstIndex(where: Self.holdsNUL) {
            throw StoreError(
                engine: .postgres, message: "parameter \(position + 1) holds a NUL byte, which PostgreSQL text cannot",
                context: context)
        }
        let storage = values.map { $0.postgresText.map { strdup($0) } ?? nil }
        defer { storage.forEach { free($0) } }
        let parameters = storage.map { $0.map { UnsafePointer($0) } }
        return parameters.withUnsafeBufferPointer { texts in
            types.withUnsafeBufferPointer { body(name, Int32(values.count), $0.baseAddress, texts.baseAddress) }
        }
    }

    private func preparedName(for types: [Oid], context: String) throws -> String {
        if let name = prepared[types] { return name }
        let name = connection.nextStatementName()
        let result = PQprepare(connection.handle, name, sql, Int32(types.count), types)
        defer { PQclear(result) }
        try connection.check(result, context: context)
        prepared[types] = name
        return name
    }

    /// Whether text holds a NUL byte, found by `memchr` over its UTF-8 (a sync page's rows are one parameter of
    /// about 100 KB; read a byte at a time through its UTF-8 view, that was 1.7% of an M-size sync's samples).
    private static func holdsNUL(_ value: SQLValue) -> Bool {
        guard case .text(var text) = value else { return false }
        return text.withUTF8 { bytes in bytes.baseAddress.map { memchr($0, 0, bytes.count) != nil } ?? false }
    }

    private static func type(_ value: SQLValue) -> Oid {
        switch value {
        case .null: return 0
        case .integer: return bigint
        case .real: return doublePrecision
        case .text: return text
        }
    }

}
