import Foundation

/// Where a stream's sync stands: a cursor inside a pass (a page token, a last id) and a bookmark between passes.
public struct StreamState: Sendable, Equatable {
    /// Resumes an unfinished pass; nil when no pass is under way.
    public var cursor: String?
    /// Where the next incremental pass starts; nil before the first full pass has finished.
    public var bookmark: String?

    /// Creates a state.
    public init(cursor: String? = nil, bookmark: String? = nil) {
        self.cursor = cursor
        self.bookmark = bookmark
    }
}

/// One sync log row.
public struct SyncLogEntry: Sendable {
    public var source: String
    public var stream: String
    public var mode: String
    public var startedAt: String
    public var finishedAt: String?
    public var pages = 0
    public var records = 0
    public var inserts = 0
    public var updates = 0
    public var deletes = 0
    /// Records left out: no company or account to file them under.
    public var skipped = 0
    public var retries = 0
    public var durationMilliseconds = 0
    public var error: String?

    /// Creates an entry for a stream starting now.
    public init(source: String, stream: String, mode: String) {
        self.source = source
        self.stream = stream
        self.mode = mode
        self.startedAt = ScoreRunStore.now()
    }
}

/// Reads and writes sync state and the sync log.
///
/// The state is written inside the page's own transaction.
public struct SyncStateStore {
    private let database: Database

    /// Creates the store on a connection.
    public init(database: Database) { self.database = database }

    /// A stream's state; empty when it never synced.
    public func state(source: String, stream: String) throws -> StreamState {
        try database.cachedStatement("SELECT cursor, bookmark FROM sync_state WHERE source = ? AND stream = ?")
            .map([.text(source), .text(stream)]) { StreamState(cursor: $0.text(0), bookmark: $0.text(1)) }.first
            ?? StreamState()
    }

    /// Saves a stream's state (call inside the page's transaction).
    public func save(_ state: StreamState, source: String, stream: String) throws {
        try database.cachedStatement(
            """
            INSERT INTO sync_state (source, stream, cursor, bookmark, updated_at) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (source, stream) DO UPDATE SET cursor = excluded.cursor, bookmark = excluded.bookmark,
                updated_at = excluded.updated_at
            """
        ).run([
            .text(source), .text(stream), state.cursor.sqlValue, state.bookmark.sqlValue, .text(ScoreRunStore.now()),
        ])
    }

    /// True once some stream of the source has finished a listing (so its next sync is incremental, at least in part).
    public func hasListed(source: String) throws -> Bool {
        try database.makeStatement("SELECT 1 FROM sync_state WHERE source = ? AND bookmark IS NOT NULL LIMIT 1")
            .map([.text(source)]) { _ in true }.first ?? false
    }

    /// Forgets a source's state, for `sync --full`.
    public func reset(source: String) throws {
        try database.makeStatement("DELETE FROM sync_state WHERE source = ?").run([.text(source)])
    }

    /// Appends a log row.
    public func log(_ entry: SyncLogEntry) throws {
        try database.makeStatement(
            """
            INSERT INTO sync_log (source, stream, mode, started_at, finished_at, pages, records, inserts, updates, deletes,
                retries, duration_ms, error, skipped) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """
        ).run([
            .text(entry.source), .text(entry.stream), .text(entry.mode), .text(entry.startedAt),
            entry.finishedAt.sqlValue,
            .integer(Int64(entry.pages)), .integer(Int64(entry.records)), .integer(Int64(entry.inserts)),
            .integer(Int64(entry.updates)), .integer(Int64(entry.deletes)), .integer(Int64(entry.retries)),
            .integer(Int64(entry.durationMilliseconds)), entry.error.sqlValue, .integer(Int64(entry.skipped)),
        ])
    }

    /// The latest log rows, newest first.
    public func recentLog(limit: Int = 20) throws -> [SyncLogEntry] {
        try entries(
            """
            SELECT source, stream, mode, started_at, finished_at, pages, records, inserts, updates, deletes, retries,
                duration_ms, error, skipped FROM sync_log ORDER BY id DESC LIMIT ?
            """, [.integer(Int64(limit))])
    }

    /// Where each stream stands: its latest log row, by source and stream, and a source's failure that no stream of
    /// it has logged since (a sync stopped before its streams, or by one of them).
    public func latestPerStream() throws -> [SyncLogEntry] {
        try entries(
            """
            SELECT source, stream, mode, started_at, finished_at, pages, records, inserts, updates, deletes, retries,
                duration_ms, error, skipped FROM sync_log l
            WHERE id IN (SELECT max(id) FROM sync_log GROUP BY source, stream)
              AND (stream <> '*' OR id > (SELECT coalesce(max(id), 0) FROM sync_log s WHERE s.source = l.source AND s.stream <> '*'))
            ORDER BY source, stream = '*', stream
            """, [])
    }

    private func entries(_ sql: String, _ values: [SQLValue]) throws -> [SyncLogEntry] {
        try database.makeStatement(sql).map(values) { row in
            var entry = SyncLogEntry(source: row.text(0) ?? "", stream: row.text(1) ?? "", mode: row.text(2) ?? "")
            entry.startedAt = row.text(3) ?? ""
            entry.finishedAt = row.text(4)
            entry.pages = Int(row.integer(5))
            entry.records = Int(row.integer(6))
            entry.inserts = Int(row.integer(7))
            entry.updates = Int(row.integer(8))
            entry.deletes = Int(row.integer(9))
            entry.retries = Int(row.integer(10))
            entry.durationMilliseconds = Int(row.integer(11))
            entry.error = row.text(12)
            entry.skipped = Int(row.integer(13))
            return entry
        }
    }

    /// When each source last finished a sync without an error.
    public func lastSuccessfulSync() throws -> [String: String] {
        var latest: [String: String] = [:]
        try database.makeStatement(
            "SELECT source, max(finished_at) FROM sync_log WHERE error IS NULL AND finished_at IS NOT NULL "
                + "GROUP BY source"
        ).forEach { row in
            if let source = row.text(0), let finished = row.text(1) { latest[source] = finished }
        }
        return latest
    }
}
