import Foundation
import Store

/// Finds accounts the source no longer has and marks them deleted (kept, never dropped).
///
/// Incremental syncs learn of deletions from the source (Stripe's events, HubSpot's archived list, Salesforce's
/// recycle bin, Chargebee's deleted records), each kept only so long: Stripe's events 30 days, Salesforce's recycle bin
/// about 15. An account deleted while no sync ran for longer stays live forever, unless a pass lists every id the
/// source still has and marks the rest. That pass runs on `sync --reconcile` and, per source, every
/// `reconcile_every_days` (default 7; 0 turns it off). A listing that would mark more than half of the live accounts
/// deleted is taken for a broken listing and refused in one line.
struct Reconciliation {
    /// The stream name in the sync log.
    static let stream = "accounts_reconciled"
    /// The largest share of live accounts one pass may mark deleted.
    static let largestShare = 0.5

    let context: SyncContext

    /// True when the source is due: asked for, or its last pass is older than `everyDays`.
    ///
    /// The first sync starts the clock (it has just listed everything, so the first pass is due `everyDays` later).
    func isDue(asked: Bool, everyDays: Int) throws -> Bool {
        if asked { return true }
        guard everyDays > 0 else { return false }
        let store = SyncStateStore(database: context.database)
        guard let last = try store.state(source: context.settings.name, stream: Self.stream).bookmark,
            let seconds = Double(last)
        else {
            try store.save(StreamState(bookmark: Self.now), source: context.settings.name, stream: Self.stream)
            return false
        }
        return Date().timeIntervalSince1970 - seconds >= Double(everyDays) * 86_400
    }

    private static var now: String { String(Int(Date().timeIntervalSince1970)) }

    /// Marks live accounts of the source missing from `listed` as deleted, in one transaction; the log entry counts the
    /// ids listed and the accounts marked.
    func apply(listed: Set<String>, pages: Int, started: Date) throws -> SyncLogEntry {
        let source = context.settings.name
        var entry = SyncLogEntry(source: source, stream: Self.stream, mode: "reconcile")
        entry.records = listed.count
        entry.pages = pages
        let live = try AccountDirectory(database: context.database).liveExternalIDs(source: source)
        let missing = live.subtracting(listed).sorted()
        if !live.isEmpty, Double(missing.count) > Double(live.count) * Self.largestShare {
            throw SyncError(
                what: "\(source) reconciliation",
                reason: "the listing lacks \(missing.count) of \(live.count) live accounts; refusing to mark more than "
                    + "half deleted (a partial listing?); nothing was changed")
        }
        let now = ScoreRunStore.now()
        try context.database.transaction {
            let identity = IdentityStore(database: context.database)
            for id in missing where try identity.markDeleted(.accounts, source: source, externalID: id, at: now) {
                entry.deletes += 1
            }
            try SyncStateStore(database: context.database).save(
                StreamState(bookmark: Self.now), source: source, stream: Self.stream)
        }
        entry.durationMilliseconds = Int(Date().timeIntervalSince(started) * 1000)
        return entry
    }
}
