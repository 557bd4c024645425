import Foundation
import ScoreKit

/// A score's tunables in force, as configured in a file: what `scorebook tune export NAME` writes.
public enum TuningExport {
    /// The tunables of `score` in the configuration file; an error when it has none.
    public static func tunables(score: String, configurationPath: String) throws -> [Tunable] {
        let text: String
        do {
            text = try String(contentsOfFile: configurationPath, encoding: .utf8)
        } catch {
            throw ConfigError(
                file: configurationPath, line: nil,
                message: "cannot read the file (run `scorebook init` to write a starter one)")
        }
        let configuration = try ScorebookConfiguration.parse(yaml: text, file: configurationPath)
        let tunables = try ScoreTunables.of(configuration.score(named: score), in: text)
        guard !tunables.isEmpty else {
            throw ConfigError(
                file: configurationPath, line: nil, score: score, message: "has no weights, bands or grids to tune")
        }
        return tunables
    }
}
