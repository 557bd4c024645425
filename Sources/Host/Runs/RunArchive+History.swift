import Store

extension RunArchive {
    /// Stored runs, newest first (of one score, or all): id, score, module, kind, as-of, finished, configuration hash,
    /// accounts and band counts.
    public func history(of name: String?) throws -> Listing {
        var listing = Listing(
            columns: ["run", "score", "module", "kind", "as of", "finished", "config", "accounts", "bands"],
            numeric: [0, 7])
        for run in try store.runs(of: name) {
            let bands = try store.bandCounts(runID: run.id).map { "\($0.band) \($0.count)" }.joined(separator: ", ")
            listing.rows.append([
                String(run.id), run.scoreName, run.module, run.kind.rawValue, run.asOf,
                String(run.finishedAt?.prefix(19) ?? "-"), run.configHash, String(run.accountCount), bands,
            ])
        }
        return listing
    }

    /// Deletes all but the newest `keep` runs of a score; returns the line saying what went and what stayed
    /// (`rfm: deleted 3 runs, kept run 9 (current as of 2025-01-01), 8 (backfill as of 2024-12-01)`).
    public func prune(_ name: String, keep: Int) throws -> String {
        let deleted = try store.prune(scoreName: name, keep: keep)
        let kept = try store.runs(of: name).map { "\($0.id) (\($0.kind.rawValue) as of \($0.asOf))" }
        let keptText = kept.isEmpty ? "none" : "run " + kept.joined(separator: ", ")
        return "\(name): deleted \(deleted) runs, kept \(keptText)"
    }
}
