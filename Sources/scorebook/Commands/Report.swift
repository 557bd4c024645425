import ArgumentParser
import Foundation
import Host
import Store

/// `scorebook report --html FILE [NAME...]`: a self-contained HTML page of charts about the latest runs.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write one self-contained HTML file (inline CSS and SVG) about the latest runs of named scores.")

    @OptionGroup var global: GlobalOptions

    @Option(help: "The HTML file to write.")
    var html: String

    @Argument(help: "Scores to include (NAME or NAME@RUN); all configured scores with a run when none are given.")
    var names: [String] = []

    @Option(help: "An outcome to validate each score against (e.g. churned); adds ROC and lift charts.")
    var outcome: String?

    @Option(help: "Days after each run's as-of day in which the outcome counts, e.g. 90d.")
    var horizon: String = "90d"

    func run() throws {
        let workspace = global.workspace
        let configuration = try workspace.loadConfiguration()
        let database = try workspace.openDatabase()
        let store = ScoreRunStore(database: database)
        let chosen = try names.isEmpty ? configuration.scores.map(\.name).filter { try store.latestRun(of: $0) != nil } : names
        guard !chosen.isEmpty else { throw CleanError("no score has been run yet; run `scorebook run` first") }
        let days = Int(horizon.hasSuffix("d") ? String(horizon.dropLast()) : horizon) ?? 90
        let check = outcome.map { event in
            HTMLReport.OutcomeCheck(event: event, horizonDays: days) { name in
                configuration.scores.first { $0.name == RunReference(name).scoreName }?.higherIsBetter ?? true
            }
        }
        let page = try HTMLReport(database: database).render(scores: chosen, outcome: check)
        try FileWriting.write(page, to: html)
        print("\(html): \(chosen.count) scores, \(page.utf8.count / 1024) KB")
    }
}
