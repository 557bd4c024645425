import ScoreKit
import Store

/// Each named score's latest current run and whether it is stale: what `scorebook scores` lists.
public struct ScoreStatus {
    private let configuration: ScorebookConfiguration
    private let store: ScoreRunStore

    /// The status of the configured scores in `database`.
    public init(configuration: ScorebookConfiguration, database: Database) {
        self.configuration = configuration
        self.store = ScoreRunStore(database: database)
    }

    /// One row per configured score: score, module, run, as of, kind, finished, accounts and state (`never run`,
    /// `fresh`, or `stale (N days, refresh every M)`).
    public func listing(today: Day = .today) throws -> Listing {
        var listing = Listing(
            columns: ["score", "module", "run", "as of", "kind", "finished", "accounts", "state"], numeric: [2, 6])
        for score in configuration.scores {
            guard let run = try store.latestRun(of: score.name) else {
                listing.rows.append([score.name, score.module, "-", "-", "-", "-", "-", "never run"])
                continue
            }
            listing.rows.append([
                score.name, score.module, String(run.id), run.asOf, run.kind.rawValue,
                String(run.finishedAt?.prefix(19) ?? "-"), String(run.accountCount),
                Self.state(asOf: run.asOf, today: today, staleAfterDays: score.staleAfterDays),
            ])
        }
        return listing
    }

    /// The staleness rule: a run is stale when the day it is as of is more than `staleAfterDays` before today, so a
    /// run made today as of last month is a month old.
    static func state(asOf: String, today: Day, staleAfterDays: Int) -> String {
        let age = Day(iso: asOf).map { today.days(since: $0) } ?? 0
        return age > staleAfterDays ? "stale (\(age) days, refresh every \(staleAfterDays))" : "fresh"
    }
}
