import Store

/// Counts a stream's pages and writes into its log entry.
struct StreamCounter {
    var entry: SyncLogEntry

    init(source: String, stream: String, mode: String) {
        entry = SyncLogEntry(source: source, stream: stream, mode: mode)
    }

    mutating func count(_ outcome: Upserter.Outcome) {
        entry.records += 1
        switch outcome {
        case .inserted: entry.inserts += 1
        case .updated: entry.updates += 1
        case .unchanged: break
        case .skipped: entry.skipped += 1
        }
    }
}
