import Store

/// What a sync did, from the log entries it wrote: the one line `scorebook sync` prints.
public struct SyncSummary: Sendable, CustomStringConvertible {
    /// The log entries the sync wrote, one per stream (and per reconciliation).
    let entries: [SyncLogEntry]

    /// "synced hubspot, stripe: 1200 records, 1200 written, 0 retries", with what was left out and reconciled.
    public var description: String {
        let synced = entries.filter { $0.mode != "reconcile" }
        let records = synced.reduce(0) { $0 + $1.records }
        let writes = synced.reduce(0) { $0 + $1.inserts + $1.updates + $1.deletes }
        let skipped = entries.reduce(0) { $0 + $1.skipped }
        let sources = Set(entries.map(\.source)).sorted().joined(separator: ", ")
        let leftOut =
            skipped > 0
            ? ", \(skipped) left out (no company or account to file them under, or a number out of range)" : ""
        return "synced \(sources): \(records) records, \(writes) written, "
            + "\(entries.reduce(0) { $0 + $1.retries }) retries" + leftOut + ReconciliationLine.clause(entries)
    }
}
