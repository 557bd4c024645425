import ArgumentParser
import Host
import ScoreKit

/// `scorebook validate NAME --outcome churned --horizon 90d --as-of D`: a backtest against what happened after D.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Backtest a score: its run as of a day against an outcome in the days after (ROC AUC, lift by "
            + "decile and band).",
        discussion: "Uses the score's stored run as of the day, or runs it as of the day first.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The named score.")
    var name: String

    @Option(help: "The outcome event in the outcomes data (churned, renewed, expanded...).")
    var outcome: String = "churned"

    @Option(help: "Days after the as-of day in which the outcome counts, e.g. 90d.")
    var horizon: String = "90d"

    @Option(help: "The day the score is taken as of, YYYY-MM-DD (default: the latest run's).")
    var asOf: Day?

    @Option(help: "table or json.")
    var format: OutputFormat = .table

    @Option(
        help:
            "clv: fit on data up to the as-of day minus N days and compare predicted with actual purchases in those N days."
    )
    var holdoutDays: Int?

    var horizonDays: Int? { Int(horizon.hasSuffix("d") ? String(horizon.dropLast()) : horizon) }

    func validate() throws {
        guard let days = horizonDays, days > 0 else {
            throw ValidationError("--horizon must be a number of days such as 90d")
        }
    }

    func run() throws {
        let workspace = global.workspace
        let score = try workspace.loadConfiguration().score(named: name)
        let database = try workspace.openDatabase()
        if let holdoutDays {
            guard holdoutDays > 0 else { throw ValidationError("--holdout-days must be positive") }
            let check = try HoldoutCheck(
                score: score, holdoutDays: holdoutDays, endDay: asOf ?? .today, database: database,
                file: workspace.configurationPath)
            print(check.render(width: Terminal.outputWidth))
            return
        }
        let runs = RunArchive(database: database)
        let run = try asOf.map { try runs.validationRun(of: score, asOf: $0) } ?? runs.run(name)
        let validation = try Validation(
            run: run, higherIsBetter: score.higherIsBetter, outcome: outcome, horizonDays: horizonDays ?? 90,
            database: database)
        Terminal.show(validation, as: format)
    }
}
