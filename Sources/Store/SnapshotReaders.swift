import CPostgres
import CSQLite

extension Database {
    /// Whether the connection is inside a transaction.
    public var isInTransaction: Bool {
        switch connection {
        case .sqlite(let handle): return sqlite3_get_autocommit(handle) == 0
        case .postgres(let server): return PQtransactionStatus(server.handle) != PQTRANS_IDLE
        }
    }

    /// `count` more connections to this database, each inside a read transaction on one and the same state of it:
    /// queries spread over them, on threads of their own, see what one connection would see in one transaction.
    ///
    /// Debian's SQLite has no shared snapshots, so the readers begin reading while this connection holds the write
    /// lock for that moment and nothing can be committed between them. On PostgreSQL they import the snapshot this
    /// connection exports. End each with `endReading()`; this connection must not be in a transaction.
    public func snapshotReaders(_ count: Int) throws -> [Database] {
        let readers = try (0..<count).map { _ in try reopen() }
        switch engine {
        case .sqlite:
            try execute("BEGIN IMMEDIATE")
            defer { try? execute("ROLLBACK") }
            for reader in readers {
                try reader.execute("BEGIN")
                // The first read fixes what the transaction sees.
                try reader.execute("SELECT count(*) FROM sqlite_master")
            }
        case .postgres:
            try execute("BEGIN ISOLATION LEVEL REPEATABLE READ")
            defer { try? execute("COMMIT") }
            let snapshot = try makeStatement("SELECT pg_export_snapshot()").map { $0.text(0) ?? "" }.first ?? ""
            for reader in readers {
                try reader.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
                try reader.execute("SET TRANSACTION SNAPSHOT '\(snapshot)'")
            }
        }
        return readers
    }

    /// Ends a reader's transaction.
    public func endReading() throws {
        try execute("COMMIT")
    }
}
