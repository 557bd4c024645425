import ArgumentParser
import Foundation
import Host

/// `scorebook report --html FILE [NAME...]`: a self-contained HTML page about the latest runs, to act on.
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

    @Option(help: "Two scores to compare in a section of their own, as FIRST,SECOND (repeatable).")
    var pair: [String] = []

    func validate() throws {
        for text in pair where text.split(separator: ",").count != 2 {
            throw ValidationError("--pair takes two scores as FIRST,SECOND; got \"\(text)\"")
        }
    }

    func run() throws {
        let workspace = global.workspace
        let configuration = try workspace.loadConfiguration()
        let report = HTMLReport(database: try workspace.openDatabase())
        let chosen = try report.scores(named: names, configuration: configuration)
        let days = Int(horizon.hasSuffix("d") ? String(horizon.dropLast()) : horizon) ?? 90
        var options = HTMLReport.Options()
        options.outcome = outcome.map { HTMLReport.OutcomeCheck(event: $0, horizonDays: days) }
        options.pairs = pair.map { text in
            let names = text.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
            return (names[0], names[1])
        }
        options.higherIsBetter = { name in
            configuration.scores.first { $0.name == RunReference(name).scoreName }?.higherIsBetter ?? true
        }
        options.nextAction = { name, band in
            let actions = configuration.scores.first { $0.name == name }?.actions[band] ?? []
            return actions.isEmpty ? nil : actions.map(\.description).joined(separator: "; ")
        }
        let page = try report.render(scores: chosen, options: options)
        try FileWriting.write(page, to: html)
        print("\(html): \(chosen.count) scores, \(pair.count) pairs, \(page.utf8.count / 1024) KB")
    }
}
