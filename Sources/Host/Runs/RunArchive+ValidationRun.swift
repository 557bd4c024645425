import ScoreKit
import Store

extension RunArchive {
    /// The run `validate` backtests as of a day: the score's latest stored run as of the day, or, when there is none,
    /// a validation run made as of it now (validation runs never count as current).
    public func validationRun(of score: NamedScore, asOf day: Day) throws -> ScoreRun {
        if let stored = try store.latestRun(of: score.name, asOf: day.description) { return stored }
        let summary = try ScoreRunner(database: database).run(score, asOf: day, kind: .validation)
        guard let stored = try store.run(id: summary.runID) else { throw HostError.runNotStored(id: summary.runID) }
        return stored
    }
}
