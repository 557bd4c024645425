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

    /// Connections to this database, up to `count`, each inside a read transaction on one and the same state of it:
    /// queries spread over them, on threads of their own, see what one connection would see in one transaction.
    ///
    /// One reader is this connection itself. More are connections of their own: Debian's SQLite has no shared
    /// snapshots, so they begin reading while this connection holds the write lock for that moment and nothing can be
    /// committed between them; when another writer holds the lock for long (an import's one transaction), this
    /// connection reads alone, never waiting for that writer. On PostgreSQL they import the snapshot this connection
    /// exports. End each with `endReading()`; this connection must not be in a transaction.
    public func snapshotReaders(_ count: Int) throws -> [Database] {
        guard count > 1 else { return [try beginReading()] }
        let readers = try (0..<count).map { _ in try reopen() }
        switch engine {
        case .sqlite:
            guard try lockBriefly() else { return [try beginReading()] }
            defer { try? execute("ROLLBACK") }
            for reader in readers { _ = try reader.beginReading() }
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

    /// Starts a read transaction on this connection and fixes what it sees; returns the connection.
    private func beginReading() throws -> Database {
        if engine == .postgres {
            try execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            return self
        }
        try execute("PRAGMA mmap_size = \(Self.mappedBytes)")
        try execute("BEGIN")
        // The first read fixes what the transaction sees.
        try execute("SELECT count(*) FROM sqlite_master")
        return self
    }

    /// Takes SQLite's write lock if it is free within a moment (`snapshotReadersLockWaitMilliseconds`); false when it is not.
    private func lockBriefly() throws -> Bool {
        guard case .sqlite(let handle) = connection else { return false }
        sqlite3_busy_timeout(handle, Self.snapshotReadersLockWaitMilliseconds)
        defer { sqlite3_busy_timeout(handle, Self.busyTimeoutMilliseconds) }
        do {
            try begin()
            return true
        } catch let error as StoreError where error.isBusy {
            return false
        }
    }

    /// How long `snapshotReaders` waits for another writer's lock before it settles for one reader.
    static let snapshotReadersLockWaitMilliseconds: Int32 = 250

    /// Ends a reader's transaction, and its reading through a memory map.
    public func endReading() throws {
        try execute("COMMIT")
        if engine == .sqlite { try execute("PRAGMA mmap_size = 0") }
    }
}
