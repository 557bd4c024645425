import ArgumentParser
import Foundation
import Host
import ScoreKit

/// `scorebook run NAME...`: run named scores as of a day and store the runs.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run named scores as of a date and store the runs.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Named scores to run; all configured scores when none are given.")
    var names: [String] = []

    @Option(help: "Score date, YYYY-MM-DD: only facts on or before it count (default today, UTC).")
    var asOf: Day?

    @Option(
        help: ArgumentHelp(
            "current or backfill (validate makes validation and holdout runs). Default: backfill when the score has "
                + "a current run as of a later day, else current."))
    var kind: RequestedRunKind?

    @Option(help: "Output: table (a line per score on a terminal, one summary line otherwise), csv or json.")
    var format: OutputFormat = .table

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
        var reports: [RunReport] = []
        let started = Date()
        defer { printSummary(reports, failures: failures, seconds: Date().timeIntervalSince(started)) }
        let bar = ProgressBar("running scores", total: Double(scores.count))
        for (index, score) in scores.enumerated() {
            let started = Date()
            if Terminal.isInteractive && scores.count > 1 {
                let detail = "\(index) of \(scores.count), now \(score.name)"
                Terminal.progress(bar.line(done: Double(index), detail: detail))
            }
            do {
                let summary = try runner.run(score, asOf: asOf ?? .today, kind: kind?.runKind)
                reports.append(RunReport(summary: summary, seconds: Date().timeIntervalSince(started)))
                if format == .table && Terminal.isOutputTerminal {
                    if Terminal.isInteractive { Terminal.progress(nil) }
                    print(reports[reports.count - 1].text)
                }
                for warning in summary.warnings {
                    Terminal.warn("warning: \(score.name): \(warning)")
                }
            } catch TrainingError.noModel(let name) where names.isEmpty {
                Terminal.warn("warning: \(name): skipped, no trained model yet (`scorebook train \(name) --as-of DAY`)")
            } catch {
                if Terminal.isInteractive { Terminal.progress(nil) }
                failures += 1
                Terminal.warn("Error: \(score.name): \(error)")
            }
        }
        if Terminal.isInteractive && scores.count > 1 { Terminal.progress(nil) }
        if failures > 0 { throw ExitCode.failure }
    }

    /// Off a terminal one line says it all (one run's line, or the count and runs of several); csv and json list the
    /// runs.
    private func printSummary(_ reports: [RunReport], failures: Int, seconds: Double) {
        if format != .table {
            Terminal.show(RunReport.listing(reports), as: format)
        } else if !Terminal.isOutputTerminal, reports.count == 1, failures == 0, let only = reports.first {
            print(only.text)
        } else if !Terminal.isOutputTerminal, !reports.isEmpty || failures > 0 {
            let ids = reports.map { String($0.summary.runID) }.joined(separator: ", ")
            let accounts = reports.reduce(0) { $0 + $1.summary.accountCount }
            print(
                "\(reports.count) scores run\(ids.isEmpty ? "" : " (runs \(ids))"), \(accounts) results, "
                    + "\(failures) failed in \(Figures.seconds(seconds))")
        }
    }
}

/// One line about a finished run.
struct RunReport {
    let summary: RunSummary
    let seconds: Double

    /// Finished runs as rows: score, run, kind, as of, accounts, seconds, bands.
    static func listing(_ reports: [RunReport]) -> Listing {
        var listing = Listing(
            columns: ["score", "run", "kind", "as of", "accounts", "seconds", "bands"], numeric: [1, 4, 5])
        listing.rows = reports.map { report in
            let summary = report.summary
            return [
                summary.scoreName, String(summary.runID), summary.kind.rawValue, "\(summary.asOf)",
                String(summary.accountCount), Figures.fixed(report.seconds, decimals: 2),
                summary.bandCounts.map { "\($0.band) \($0.count)" }.joined(separator: ", "),
            ]
        }
        return listing
    }

    var text: String {
        let bands = summary.bandCounts.map { "\($0.band) \($0.count)" }.joined(separator: ", ")
        let kind = summary.kind == .current ? "" : " (\(summary.kind.rawValue))"
        return
            "\(summary.scoreName): run \(summary.runID)\(kind), \(summary.accountCount) accounts as of \(summary.asOf) "
            + "in \(Figures.seconds(seconds)); \(bands.isEmpty ? "no accounts to score" : bands)"
    }
}
