import CPostgres
import CSQLite
import Foundation

/// The current row of a running query; valid only inside the `forEach` body.
///
/// On SQLite `handle` is the statement and `postgresRow` is -1; on PostgreSQL `handle` is a result and
/// `postgresRow` the row in it. PostgreSQL sends every value as text, read here the way SQLite converts: a number
/// read as an integer is truncated, a boolean is 1 or 0, NULL is 0.
public struct Row {
    let handle: OpaquePointer
    let postgresRow: Int32

    /// True when the column is NULL.
    public func isNull(_ column: Int32) -> Bool {
        postgresRow < 0
            ? sqlite3_column_type(handle, column) == SQLITE_NULL : PQgetisnull(handle, postgresRow, column) == 1
    }

    /// The column as an integer (0 for NULL).
    public func integer(_ column: Int32) -> Int64 {
        guard postgresRow >= 0 else { return sqlite3_column_int64(handle, column) }
        guard let text = PQgetvalue(handle, postgresRow, column) else { return 0 }
        var end: UnsafeMutablePointer<CChar>?
        let number = strtoll(text, &end, 10)
        if let end, end.pointee == 0 { return number }
        switch text.pointee {
        case CChar(UInt8(ascii: "t")): return 1
        case CChar(UInt8(ascii: "f")): return 0
        default:
            let real = strtod(text, nil)
            return real.isFinite ? Int64(exactly: real.rounded(.towardZero)) ?? (real < 0 ? .min : .max) : 0
        }
    }

    /// The column as a number (0 for NULL).
    public func double(_ column: Int32) -> Double {
        guard postgresRow >= 0 else { return sqlite3_column_double(handle, column) }
        guard let text = PQgetvalue(handle, postgresRow, column) else { return 0 }
        switch text.pointee {
        case CChar(UInt8(ascii: "t")): return 1
        case CChar(UInt8(ascii: "f")): return 0
        default: return strtod(text, nil)
        }
    }

    /// The column as text, or nil for NULL.
    public func text(_ column: Int32) -> String? {
        if postgresRow >= 0 {
            guard PQgetisnull(handle, postgresRow, column) == 0 else { return nil }
            return String(cString: PQgetvalue(handle, postgresRow, column))
        }
        // By its length, so a NUL inside the text is kept as it was bound.
        guard let pointer = sqlite3_column_text(handle, column) else { return nil }
        let count = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
    }

    /// The column as an optional number.
    public func optionalDouble(_ column: Int32) -> Double? { isNull(column) ? nil : double(column) }

    /// The column as an optional integer.
    public func optionalInteger(_ column: Int32) -> Int64? { isNull(column) ? nil : integer(column) }
}
