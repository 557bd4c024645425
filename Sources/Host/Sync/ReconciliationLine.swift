import Store

/// The sync summary's words on a reconciliation: the ids listed and, per stream, the rows whose records the sources
/// no longer have (`; reconciled 612 ids, no longer at the source: 6 accounts, 3 contacts, 0 deals, 4 tickets`).
enum ReconciliationLine {
    /// The clause for the reconcile entries among `entries`; empty when no source reconciled.
    static func clause(_ entries: [SyncLogEntry]) -> String {
        let reconciled = entries.filter { $0.mode == "reconcile" }
        guard !reconciled.isEmpty else { return "" }
        var streams: [String] = []
        var gone: [String: Int] = [:]
        for entry in reconciled {
            let stream =
                entry.stream.hasSuffix("_reconciled")
                ? String(entry.stream.dropLast("_reconciled".count)) : entry.stream
            if gone[stream] == nil { streams.append(stream) }
            gone[stream, default: 0] += entry.deletes
        }
        let counts = streams.map { "\(gone[$0] ?? 0) \($0)" }.joined(separator: ", ")
        return "; reconciled \(reconciled.reduce(0) { $0 + $1.records }) ids, no longer at the source: \(counts)"
    }
}
