import Foundation
import Store

/// Finds records the source no longer has and retires their rows: accounts marked deleted (kept, never dropped),
/// contacts, deals and tickets removed, and so on per stream (ReconciledStream).
///
/// Incremental syncs learn of deletions from the source (Stripe's events, HubSpot's archived lists, Salesforce's
/// recycle bin, Chargebee's deleted records), each kept only so long: Stripe's events 30 days, Salesforce's recycle bin
/// about 15. A record deleted while no sync ran for longer stays live forever, unless a pass lists every id the
/// source still has and retires the rest. That pass runs on `sync --reconcile` and, per source, every
/// `reconcile_every_days` (default 7; 0 turns it off). A listing that would retire more than half of a stream's live
/// rows is taken for a broken listing: the pass is refused in one line naming the stream, and nothing is changed.
struct Reconciliation {
    /// The stream whose bookmark is the time of the source's last pass.
    static let clockStream = ReconciledStream.accounts.logStream
    /// The largest share of a stream's live rows one pass may retire.
    static let largestShare = 0.5

    let context: SyncContext

    /// True when the source is due: asked for, or its last pass is older than `everyDays`.
    ///
    /// The first sync starts the clock (it has just listed everything, so the first pass is due `everyDays` later).
    func isDue(asked: Bool, everyDays: Int) throws -> Bool {
        if asked { return true }
        guard everyDays > 0 else { return false }
        let store = SyncStateStore(database: context.database)
        guard let last = try store.state(source: context.settings.name, stream: Self.clockStream).bookmark,
            let seconds = Double(last)
        else {
            try store.save(StreamState(bookmark: Self.now), source: context.settings.name, stream: Self.clockStream)
            return false
        }
        return Date().timeIntervalSince1970 - seconds >= Double(everyDays) * 86_400
    }

    private static var now: String { String(Int(Date().timeIntervalSince1970)) }

    /// Retires the rows of every stream whose records are missing from its listing, all in one transaction, once
    /// every stream has passed the guard; one log entry per stream counts the ids listed and the rows retired.
    func apply(_ listings: [ReconciledStream.Listing]) throws -> [SyncLogEntry] {
        let source = context.settings.name
        var missing: [[String]] = []
        for listing in listings {
            let live = try listing.stream.liveIDs(context.database, source: source)
            let gone = live.subtracting(listing.ids).sorted()
            if !live.isEmpty, Double(gone.count) > Double(live.count) * Self.largestShare {
                throw SyncError(
                    what: "\(source) \(listing.stream.name) reconciliation",
                    reason: "the listing lacks \(gone.count) of \(live.count) live \(listing.stream.name); refusing to "
                        + "mark more than half deleted (a partial listing?); nothing was changed")
            }
            missing.append(gone)
        }
        let started = Date()
        let now = ScoreRunStore.now()
        var entries: [SyncLogEntry] = []
        try context.database.transaction {
            for (listing, gone) in zip(listings, missing) {
                var entry = SyncLogEntry(source: source, stream: listing.stream.logStream, mode: "reconcile")
                entry.records = listing.ids.count
                entry.pages = listing.pages
                entry.retries = listing.retries
                for id in gone where try listing.stream.retire(id, context.database, source: source, at: now) {
                    entry.deletes += 1
                }
                entries.append(entry)
            }
            try SyncStateStore(database: context.database).save(
                StreamState(bookmark: Self.now), source: source, stream: Self.clockStream)
        }
        let writing = Int(Date().timeIntervalSince(started) * 1000)
        for index in entries.indices {
            entries[index].durationMilliseconds = listings[index].milliseconds + writing / max(1, entries.count)
        }
        return entries
    }
}
