import Foundation
import Store

/// What `scorebook check` warns of for each score: its configuration's warnings, and the bands its latest current
/// run left empty when that run was made with this configuration.
public enum ScoreWarnings {
    /// Each configured score's warnings, in the configuration's order.
    ///
    /// Without a database (no file, or one that does not open) only the configuration's own warnings are given.
    public static func of(_ configuration: ScorebookConfiguration, in workspace: Workspace) throws -> [[String]] {
        let store = workspace.hasDatabase ? try? ScoreRunStore(database: workspace.openDatabase()) : nil
        return try configuration.scores.map { score in
            guard let store, let bands = score.bands, let run = try store.latestRun(of: score.name),
                run.configHash == score.configurationHash
            else { return score.warnings }
            return score.warnings
                + EmptyBands.warnings(bands: bands, counts: try store.bandCounts(runID: run.id))
                .map { "run \(run.id) as of \(run.asOf): \($0)" }
        }
    }
}
