import Store

/// The sync log as `scorebook sync --status` lists it.
public struct SyncLog {
    private let log: SyncStateStore

    /// The log in `database`.
    public init(database: Database) { self.log = SyncStateStore(database: database) }

    /// Where each stream stands (its latest log row), or with `history` the latest N rows, newest first: started,
    /// source, stream, mode, pages, records, inserts, updates, deletes, skipped, retries, ms and error.
    public func listing(history: Int? = nil) throws -> Listing {
        let entries = try history.map { try log.recentLog(limit: $0) } ?? log.latestPerStream()
        var listing = Listing(
            columns: [
                "started", "source", "stream", "mode", "pages", "records", "inserts", "updates", "deletes", "skipped",
                "retries", "ms", "error",
            ],
            numeric: [4, 5, 6, 7, 8, 9, 10, 11])
        listing.rows = entries.map { entry in
            [
                String(entry.startedAt.prefix(19)), entry.source, entry.stream, entry.mode, String(entry.pages),
                String(entry.records), String(entry.inserts), String(entry.updates), String(entry.deletes),
                String(entry.skipped), String(entry.retries), String(entry.durationMilliseconds), entry.error ?? "",
            ]
        }
        return listing
    }
}
