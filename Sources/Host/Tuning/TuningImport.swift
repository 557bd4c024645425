import Foundation
import ScoreKit

/// Reads a tuning sheet back into a score's configuration: what `scorebook tune import NAME FILE` writes.
///
/// Settings whose values the sheet leaves as they are (to 1 part in 10^12) are not touched, so importing an
/// unchanged export leaves the file byte for byte. A changed setting is written in place (`TunableEdit`), then the
/// new text is checked as `scorebook check` would, with any problem said at the sheet's row (`FILE:LINE`); and it must
/// read back as the sheet says and leave every other score's fingerprint as it was. Nothing is written here: the
/// caller writes `text` or shows the difference.
public struct TuningImport {
    /// The new configuration and what changed.
    public struct Plan: Sendable {
        /// The configuration file's text before.
        public let original: String
        /// Its text after; the same when nothing changed.
        public let text: String
        /// The settings that changed, as the sheet names them.
        public let changed: [String]
    }

    /// The configuration file.
    public let configurationPath: String
    /// The score tuned.
    public let score: String
    /// The sheet.
    public let sheetPath: String
    /// The sheet as the user named it, for errors.
    public let sheetName: String

    /// Creates an import of a sheet into a score.
    public init(configurationPath: String, score: String, sheetPath: String, sheetName: String? = nil) {
        self.configurationPath = configurationPath
        self.score = score
        self.sheetPath = sheetPath
        self.sheetName = sheetName ?? sheetPath
    }

    /// Reads and checks the sheet and works out the new configuration; throws the first problem, in one line.
    public func plan() throws -> Plan {
        let original: String
        do {
            original = try String(contentsOfFile: configurationPath, encoding: .utf8)
        } catch {
            throw ConfigError(file: configurationPath, line: nil, message: "cannot read the file")
        }
        let before = try ScorebookConfiguration.parse(yaml: original, file: configurationPath)
        let named = try before.score(named: score)
        let current = try ScoreTunables.of(named, in: original)
        guard !current.isEmpty else {
            throw ImportError(
                file: sheetName, line: nil, reason: "score \(score) has no weights, bands or grids to tune")
        }
        let rows = try TuningReader(path: sheetPath, displayName: sheetName).rows()
        guard !rows.isEmpty else {
            throw ImportError(
                file: sheetName, line: nil, reason: "no rows (`scorebook tune export \(score)` writes them)")
        }
        let levels = try SheetLevels(rows, score: score, current: current, file: sheetName).levels
        let changed = levels.filter { level in
            !(current.first { $0.path == level.tunable.path }?.hasSameValues(as: level.tunable) ?? false)
        }
        guard !changed.isEmpty else { return Plan(original: original, text: original, changed: []) }
        var text = original
        for level in changed {
            do {
                text = try TunableEdit(score: score, tunable: level.tunable).apply(to: text)
            } catch let problem as TunableEdit.Problem {
                throw ImportError(
                    file: sheetName, line: level.rows.first?.line,
                    reason: "cannot write it into \(configurationPath): \(problem.message); edit the file instead")
            }
        }
        try check(text, module: named.module, levels: levels, changed: changed, before: before)
        return Plan(original: original, text: text, changed: changed.map { TuningSheet.setting($0.tunable.path) })
    }

    /// Checks the new text: the module's settings at the sheet's rows, the whole file, then that it reads back.
    private func check(
        _ text: String, module identifier: String, levels: [SheetLevels.Level], changed: [SheetLevels.Level],
        before: ScorebookConfiguration
    ) throws {
        let firstLine = changed.first?.rows.first?.line
        if let module = ModuleRegistry.module(identifier),
            let settings = try ScoreTunables.settings(of: score, in: text)
        {
            do {
                _ = try SettingsCheck.configuration(of: module, from: settings)
            } catch let problem as ConfigurationProblem {
                throw ImportError(
                    file: sheetName, line: Self.line(of: problem.path, in: levels) ?? firstLine,
                    reason: "score \"\(score)\": \(problem.message)")
            }
        }
        let after: ScorebookConfiguration
        do {
            after = try ScorebookConfiguration.parse(yaml: text, file: configurationPath)
        } catch let error as ConfigError {
            throw ImportError(file: sheetName, line: firstLine, reason: "the configuration would not load: \(error)")
        }
        let readBack = try ScoreTunables.of(after.score(named: score), in: text)
        for level in levels {
            guard readBack.first(where: { $0.path == level.tunable.path })?.hasSameValues(as: level.tunable) == true
            else {
                throw ImportError(
                    file: sheetName, line: level.rows.first?.line,
                    reason: "\(TuningSheet.setting(level.tunable.path)) does not read back as the sheet has it; "
                        + "nothing was written")
            }
        }
        for other in before.scores where other.name != score {
            guard (try? after.score(named: other.name))?.configurationHash == other.configurationHash else {
                throw ImportError(
                    file: sheetName, line: firstLine,
                    reason: "writing it would change score \(other.name) too (a YAML alias?); nothing was written")
            }
        }
    }

    /// The row a problem at a key path points at: the row of that key, else the first row of its setting.
    static func line(of path: [String], in levels: [SheetLevels.Level]) -> Int? {
        guard !path.isEmpty else { return nil }
        for level in levels {
            if let row = level.rows.first(where: { level.tunable.path + [$0.entry.key] == path }) { return row.line }
        }
        let containing = levels.first { path.starts(with: $0.tunable.path) || $0.tunable.path.starts(with: path) }
        return containing?.rows.first?.line
    }
}
