import ArgumentParser
import Foundation
import Host
import ScoreKit
import Store

/// `scorebook run NAME...`: run named scores as of a day and store the runs.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run named scores as of a date and store the runs.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Named scores to run; all configured scores when none are given.")
    var names: [String] = []

    @Option(help: "Score date, YYYY-MM-DD: only facts on or before it count (default today, UTC).")
    var asOf: Day?

    @Option(help: "current or backfill. Default: backfill when the score has a current run as of a later day, else current.")
    var kind: RunKind?

    func validate() throws {
        guard kind == nil || kind == .current || kind == .backfill else {
            throw ValidationError("--kind must be current or backfill (validation and holdout runs are made by validate)")
        }
    }

    func run() throws {
        let workspace = global.workspace
        let configuration = try workspace.loadConfiguration()
        let scores = names.isEmpty ? configuration.scores : try names.map { try configuration.score(named: $0) }
        let database = try workspace.openDatabase()
        let runner = ScoreRunner(database: database)
        // Each score runs on its own: one that fails says why in one line, the others still run, and the exit code
        // says that something failed (what cron needs). Run without names, a trained score with no model yet is
        // skipped with a warning: it cannot run, and the starter configuration has one.
        var failures = 0
        for score in scores {
            let started = Date()
            do {
                let summary = try runner.run(score, asOf: asOf ?? .today, kind: kind)
                print(RunReport(summary: summary, seconds: Date().timeIntervalSince(started)).text)
                for warning in summary.warnings {
                    Terminal.warn("warning: \(score.name): \(warning)")
                }
            } catch TrainingError.noModel(let name) where names.isEmpty {
                Terminal.warn("warning: \(name): skipped, no trained model yet (`scorebook train \(name) --as-of DAY`)")
            } catch {
                failures += 1
                Terminal.warn("Error: \(score.name): \(error)")
            }
        }
        if failures > 0 { throw ExitCode.failure }
    }
}

/// One line about a finished run.
struct RunReport {
    let summary: RunSummary
    let seconds: Double

    var text: String {
        let bands = summary.bandCounts.map { "\($0.band) \($0.count)" }.joined(separator: ", ")
        let kind = summary.kind == .current ? "" : " (\(summary.kind.rawValue))"
        return "\(summary.scoreName): run \(summary.runID)\(kind), \(summary.accountCount) accounts as of \(summary.asOf) "
            + "in \(Figures.seconds(seconds)); \(bands.isEmpty ? "no accounts to score" : bands)"
    }
}
