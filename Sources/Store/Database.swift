import CSQLite
import Foundation

/// One connection, to an SQLite file (WAL, a busy timeout, foreign keys on) or a PostgreSQL server (a libpq URI),
/// with the schema migrated on open.
public final class Database {
    enum Connection {
        case sqlite(OpaquePointer)
        case postgres(PostgresConnection)
    }

    let connection: Connection
    /// The engine behind the connection.
    public let engine: Engine
    /// The file's path, or the server's URI with any password masked.
    public let path: String
    /// A short name for headings: the file's name, or the PostgreSQL database's name.
    public var displayName: String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return engine == .sqlite ? name : String(name.prefix { $0 != "?" })
    }

    /// What `init` was given, password included, to open another connection to the same place.
    private let location: String
    private var statements: [String: Statement] = [:]
    /// The per-account records written in the open transaction, for PostgreSQL's moved-record deletion.
    let movedRecords = MovedRecords()

    /// The page cache per connection, in KiB: large enough that a bulk import does not spill pages to the WAL
    /// again and again, small enough to stay a constant.
    public static let cacheKibibytes = 131_072

    /// How much of the file a run's fact readers read through a memory map instead of `pread` into their cache;
    /// SQLite holds it to its compiled maximum (2 GiB in Debian's build).
    ///
    /// A run's facts read most of the file: on M, reading it mapped took `run churn` from 2.23 to 1.85 s (paired,
    /// median of 3), the kernel's copying into the page cache gone. Only those readers map it (`snapshotReaders`):
    /// mapped on every connection, a sync of 2.5M Stripe records (a 1.8 GB file) peaked at 1,974 MB, every page of
    /// the file it touched counted in its memory, against 478 MB unmapped, in the same 77 s.
    static let mappedBytes: Int64 = 1 << 40

    /// The page size of a new database file, four times SQLite's default.
    ///
    /// A sync or an import writes each page to the WAL and copies it back, a `pwrite` and a `pread` per page. At
    /// 4 KiB a Stripe sync of M's size (a 1.8 GB file) spent 12.6 s in the kernel; at 16 KiB 7.4 s, for 0.86x the
    /// wall time (paired). M's invoices imported in 0.86x the time; the scores on M took the same within the spread.
    /// Only new files get it: SQLite keeps an existing file's page size, and reads it as it is.
    static let pageBytes = 16_384

    /// The size the WAL file is truncated to after a checkpoint, so one bulk import does not leave a huge file.
    public static let walSizeLimitBytes = 64 << 20

    /// SQLite's process-wide settings, made once before the first connection: no memory statistics, whose mutex every
    /// allocation and free of every connection took (on M, 4% of `run credit`'s samples, and the readers of a run's
    /// facts waiting on each other for it).
    private static let configureSQLite: Void = { _ = csqlite_disable_memory_statistics() }()

    /// How long a writer waits for another before failing, in milliseconds.
    public static let busyTimeoutMilliseconds: Int32 = 10_000

    /// Opens (creating when asked) the database at `path`, a file or a `postgresql://` URI, and brings its schema up to
    /// date.
    ///
    /// On PostgreSQL the database must exist; `create` is about the file only.
    public init(path: String, create: Bool = true, migrate: Bool = true) throws {
        engine = Engine(location: path)
        location = path
        if engine == .postgres {
            let server = try PostgresConnection(url: path)
            connection = .postgres(server)
            self.path = server.displayURL
            if migrate { try Migrator.postgres.migrate(self) }
            return
        }
        _ = Self.configureSQLite
        var handle: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0) | SQLITE_OPEN_NOMUTEX
        let code = sqlite3_open_v2(path, &handle, flags, nil)
        guard code == SQLITE_OK, let handle else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            if let handle { sqlite3_close_v2(handle) }
            throw StoreError(code: code, message: message, context: "opening \(path)")
        }
        connection = .sqlite(handle)
        self.path = path
        sqlite3_busy_timeout(handle, Self.busyTimeoutMilliseconds)
        try execute("PRAGMA page_size = \(Self.pageBytes)")  // a new file's; an existing one keeps its own
        try execute("PRAGMA journal_mode = WAL")
        try execute("PRAGMA synchronous = NORMAL")
        try execute("PRAGMA foreign_keys = ON")
        try execute("PRAGMA cache_size = -\(Self.cacheKibibytes)")
        try execute("PRAGMA temp_store = MEMORY")
        try execute("PRAGMA journal_size_limit = \(Self.walSizeLimitBytes)")
        if migrate {
            try Migrator.standard.migrate(self)
        }
    }

    deinit {
        statements.removeAll()
        if case .sqlite(let handle) = connection { sqlite3_close_v2(handle) }
    }

    /// Another connection to the same database, its schema taken as it is: for a lock held apart from the work.
    public func reopen() throws -> Database {
        try Database(path: location, create: false, migrate: false)
    }

    /// Runs one or more statements without parameters.
    public func execute(_ sql: String) throws {
        let handle: OpaquePointer
        switch connection {
        case .postgres(let server): return try server.execute(sql)
        case .sqlite(let sqlite): handle = sqlite
        }
        var message: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &message)
        guard code == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(handle))
            sqlite3_free(message)
            throw StoreError(code: code, message: text, context: "executing `\(sql)`")
        }
    }

    /// A prepared statement for `sql`, kept on the connection for its life so code run once per record (an upsert, a
    /// lookup by id) prepares it once.
    ///
    /// Only for fixed SQL: text built from values would grow the cache without end, and a cached statement is shared,
    /// so it must not be run again while one of its queries is still being read.
    public func cachedStatement(_ sql: String) throws -> Statement {
        if let cached = statements[sql] { return cached }
        let statement = try Statement(database: self, sql: sql, isPersistent: true)
        statements[sql] = statement
        return statement
    }

    /// A new prepared statement for `sql`, finalized when released: for queries run once per command and for SQL
    /// built at run time (a table's name, a clause).
    public func makeStatement(_ sql: String) throws -> Statement {
        try Statement(database: self, sql: sql, isPersistent: false)
    }

    /// How many statements the connection keeps prepared.
    var cachedStatementCount: Int { statements.count }

    /// Copies `rows` into `table` with PostgreSQL's `COPY`; returns how many rows went in.
    ///
    /// PostgreSQL only.
    func copy(into table: String, columns: [String], rows: CopyRows) throws -> Int {
        try server(for: "copying into \(table)").copy(into: table, columns: columns, rows: rows)
    }

    /// Copies rows into a table without waiting for the server to write them (PostgreSQL only).
    ///
    /// The next command on the connection, or `collectSent`, waits for its answer.
    func sendCopy(into table: String, columns: [String], rows: CopyRows) throws {
        try server(for: "copying into \(table)").sendCopy(into: table, columns: columns, rows: rows)
    }

    /// Sends one command without parameters and returns at once (PostgreSQL only).
    ///
    /// The next command on the connection, or `collectSent`, waits for its answer.
    func send(_ sql: String) throws {
        try server(for: "sending `\(sql)`").send(sql)
    }

    /// Waits for the command `send` sent: its answer, or nil when none was sent (PostgreSQL only).
    func collectSent() throws -> SentAnswer? {
        try server(for: "collecting a sent command").collectSent()
    }

    private func server(for context: String) throws -> PostgresConnection {
        guard case .postgres(let server) = connection else {
            throw StoreError(message: "only PostgreSQL can do this", context: context)
        }
        return server
    }

    /// Runs `body` in a transaction: committed when it returns, rolled back when it throws.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try begin()
        do {
            let result = try body()
            try commit()
            return result
        } catch {
            rollback()
            throw error
        }
    }

    /// Commits the open transaction, after deleting the rows of records that moved to another account
    /// (`MovedRecords`); rolls back when either fails.
    public func commit() throws {
        do {
            try movedRecords.delete(on: self)
            try execute("COMMIT")
        } catch {
            rollback()
            throw error
        }
    }

    /// Rolls back the open transaction, if any, and forgets what it wrote.
    public func rollback() {
        movedRecords.discard()
        try? execute("ROLLBACK")
    }

    /// Starts a transaction that writes: on SQLite it takes the write lock at once (`BEGIN IMMEDIATE`), so two
    /// writers wait for each other at the start instead of one failing at its first write.
    public func begin() throws {
        try execute(engine == .sqlite ? "BEGIN IMMEDIATE" : "BEGIN")
    }

    /// Lets the WAL grow to about `bytes` before its pages are copied back into the database (SQLite's default is
    /// 1,000 pages, whatever their size).
    ///
    /// A sync sets it high: an index page rewritten by many transactions is then copied back once, not each time.
    public func checkpointEvery(bytes: Int) throws {
        guard engine == .sqlite else { return }
        let pageBytes = try makeStatement("PRAGMA page_size").map { Int($0.integer(0)) }.first ?? Self.pageBytes
        try execute("PRAGMA wal_autocheckpoint = \(max(1, bytes / pageBytes))")
    }

    /// Puts SQLite's own checkpoint interval back: every 1,000 pages.
    public func checkpointAtDefault() throws {
        guard engine == .sqlite else { return }
        try execute("PRAGMA wal_autocheckpoint = 1000")
    }

    /// The rowid of the last inserted row on SQLite (0 on PostgreSQL, where `RETURNING` says it).
    var lastInsertedRowID: Int64 {
        get { if case .sqlite(let handle) = connection { sqlite3_last_insert_rowid(handle) } else { 0 } }
        set { if case .sqlite(let handle) = connection { sqlite3_set_last_insert_rowid(handle, newValue) } }
    }
}
