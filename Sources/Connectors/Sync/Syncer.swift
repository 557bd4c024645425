import Foundation
import Store

/// Syncs configured sources into the database, one at a time under the sync lock, then links identities.
public struct Syncer {
    /// How large the WAL grows, copied back on another thread after each commit (`BackgroundCheckpoints`), before a
    /// commit waits for all of it to be copied back so the WAL can start again: 1 GiB.
    ///
    /// Checkpointing on the writer (every 16 MiB, after each 4 s run of pages) left a core idle for up to a second
    /// per run at M's size, the fetching threads' queues full; in the background a sync of M's 2.5M records took
    /// 0.94-0.96x the wall time and 2 s less kernel time (paired both ways, `-n 3`), its WAL peaking at 1.4 GB beside
    /// a 1.7 GB file, cut back to `Database.walSizeLimitBytes` when it starts again.
    static let walRestartBytes = 1 << 30
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
        try database.checkpointInBackground(restartBytes: Self.walRestartBytes)
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
