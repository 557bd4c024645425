import Foundation
import Store

/// Syncs configured sources into the database, one at a time under the sync lock, then links identities.
public struct Syncer {
    /// How much WAL a sync lets accumulate before its pages are copied back: 16 MiB.
    ///
    /// SQLite checkpoints only when a transaction commits, so the WAL still grows within a run of pages
    /// (`PageTransactions`, 4 s: about 280 MB at M's size) and is copied back and cut to `journal_size_limit` at its
    /// commit; keeping the file at that size instead was no faster (1.03x, paired). 256 MiB made a 10k-account Stripe
    /// sync append 185 MB of frames (the kernel zeroing each new block) and copy back 170 MB on close, and took 1.09x
    /// this size's time (paired); 4 MiB was as fast here but synced the disk four times as often.
    static let checkpointBytes = 16 << 20
    private let database: Database
    private let options: HTTPOptions

    /// Creates a syncer.
    public init(database: Database, options: HTTPOptions = HTTPOptions()) {
        self.database = database
        self.options = options
    }

    /// Syncs each source; every stream's outcome is logged, a failure included, and the first failure is rethrown after
    /// the other sources have run.
    ///
    /// A record left out (a number out of range) is counted as skipped and said to `warning`. `linking` names every
    /// configured billing and CRM source, so identities link even when one source syncs alone.
    public func sync(
        _ sources: [SourceSettings], full: Bool, linking: (billing: [String], crm: [String]),
        reconcile: Bool = false, progress: @escaping (String) -> Void, warning: @escaping (String) -> Void = { _ in }
    ) throws -> [SyncLogEntry] {
        let lock = try ProcessLock.sync(database: database)
        defer { withExtendedLifetime(lock) {} }
        try database.checkpointEvery(bytes: Self.checkpointBytes)
        defer { try? database.checkpointAtDefault() }
        let states = SyncStateStore(database: database)
        // Listings write tables in bulk: their secondary indexes are built once afterwards, not row by row.
        let indexes = DeferredIndexes(database: database)
        try indexes.restore()  // left set aside by a sync that crashed
        let listing = Set(try sources.filter { try full || !states.hasListed(source: $0.name) }.map(\.name))
        let bulk = Set(sources.filter { listing.contains($0.name) }.flatMap(\.kind.tables))
        try indexes.setAside(CanonicalTable.allCases.filter(bulk.contains))
        var entries: [SyncLogEntry] = []
        var firstFailure: Error?
        for settings in sources {
            let started = Date()
            do {
                let context = try SyncContext(
                    database: database, settings: settings, options: options, progress: progress, warning: warning)
                // One source for both: a Salesforce session renewed while syncing is still good for the listing.
                let source: any SyncedSource
                switch settings.kind {
                case .stripe: source = StripeSource(context: context)
                case .hubspot: source = HubSpotSource(context: context)
                case .salesforce: source = SalesforceSource(context: context)
                case .chargebee: source = ChargebeeSource(context: context)
                }
                // A listing files rows only under account rows it looked up or wrote itself, and accounts are never
                // deleted, so it does not check each row's account (6% of a 10k-account Stripe sync): its tables are
                // checked once when their indexes are put back (`DeferredIndexes.restore`), even after a crash.
                var result =
                    try listing.contains(settings.name)
                    ? database.withoutForeignKeyChecks { try source.sync(full: full) } : source.sync(full: full)
                let reconciliation = Reconciliation(context: context)
                if try reconciliation.isDue(asked: reconcile, everyDays: settings.reconcileEveryDays) {
                    result += try reconciliation.apply(try source.reconciliationListings())
                }
                for entry in result {
                    var finished = entry
                    finished.finishedAt = ScoreRunStore.now()
                    try states.log(finished)
                    entries.append(finished)
                }
            } catch {
                var failed = SyncLogEntry(source: settings.name, stream: "*", mode: full ? "full" : "incremental")
                failed.finishedAt = ScoreRunStore.now()
                failed.durationMilliseconds = Int(Date().timeIntervalSince(started) * 1000)
                failed.error = SecretRedactor.scrub("\(error)")
                try? states.log(failed)
                entries.append(failed)
                firstFailure = firstFailure ?? error
            }
        }
        progress("building the indexes set aside")
        try indexes.restore()
        _ = try database.transaction {
            try IdentityStore(database: database).link(billingSources: linking.billing, crmSources: linking.crm)
        }
        if let firstFailure { throw firstFailure }
        return entries
    }
}
