import ArgumentParser
import Foundation
import Host
import ScoreKit

/// `scorebook train NAME`: fit a score's model on past outcomes and store it for the score's runs.
struct Train: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Train a score's model (churn with mode: trained) on accounts whose outcome is known.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The named score to train.")
    var name: String

    @Option(help: "The outcome event that counts as positive (default churned).")
    var outcome: String = "churned"

    @Option(help: "Days after --as-of in which the outcome counts, as 90d or 90 (default 90d).")
    var horizon: String = "90d"

    @Option(help: "The day features are computed as of, YYYY-MM-DD; the horizon must end by the data's last day.")
    var asOf: Day

    @Option(help: "Seed of the stratified 30% held-out split (default 42).")
    var seed: UInt64 = 42

    @Option(help: "L2 penalty on the standardised coefficients (default 1, as scikit-learn's C=1).")
    var lambda: Double = 1

    @Option(help: "Positives and negatives (each) the training part needs, else no model is stored (default 10).")
    var minTraining: Int = TrainingMinimums.defaultTraining

    @Option(help: "Positives and negatives (each) the held-out part needs, else no model is stored (default 5).")
    var minHeldOut: Int = TrainingMinimums.defaultHeldOut

    @Option(help: "Also write the rows trained on (account, part, label, raw features) to this CSV file.")
    var export: String?

    @Option(help: "Output: table, csv or json (the coefficients as rows; json adds the model's figures).")
    var format: OutputFormat = .table

    func validate() throws {
        guard let days = Self.days(horizon), days > 0 else {
            throw ValidationError("--horizon must be a positive number of days, like 90d; got \"\(horizon)\"")
        }
        guard lambda > 0 else { throw ValidationError("--lambda must be above 0; got \(lambda)") }
        guard minTraining >= 1, minHeldOut >= 1 else {
            throw ValidationError("--min-training and --min-held-out must be at least 1")
        }
    }

    func run() throws {
        let workspace = global.workspace
        let score = try workspace.loadConfiguration().score(named: name)
        let database = try workspace.openDatabase()
        let started = Date()
        let request = TrainingRequest(
            outcome: outcome, horizonDays: Self.days(horizon) ?? 90, asOf: asOf, seed: seed, lambda: lambda,
            minimums: TrainingMinimums(training: minTraining, heldOut: minHeldOut))
        let report = try ModelTrainer(database: database).train(score, request)
        let seconds = Date().timeIntervalSince(started)
        if let export { try FileWriting.write(report.rows.csv, to: export) }
        for warning in report.warnings {
            Terminal.warn("warning: \(name): \(warning)")
        }
        guard format == .table else {
            var listing = Listing(columns: ["feature", "coefficient"], numeric: [1])
            listing.rows =
                [["intercept", String(report.model.intercept)]]
                + zip(report.model.features, report.model.coefficients).map { [$0, String($1)] }
            listing.fields = [
                ("score", .text(name)), ("model", .number(Double(report.modelID))), ("as_of", .text("\(asOf)")),
                ("outcome", .text(outcome)), ("training_rows", .number(Double(report.trainingRows))),
                ("training_positives", .number(Double(report.trainingPositives))),
                ("held_out_rows", .number(Double(report.heldOutRows))),
                ("held_out_positives", .number(Double(report.heldOutPositives))),
                ("held_out_auc", .number(report.model.heldOutAUC)), ("seconds", .number(seconds)),
            ]
            Terminal.show(listing, as: format)
            return
        }
        print(
            "\(name): model \(report.modelID) trained as of \(asOf) on \(report.trainingRows) accounts "
                + "(\(report.trainingPositives) \(outcome)), held out \(report.heldOutRows) "
                + "(\(report.heldOutPositives) \(outcome)) in \(Figures.seconds(seconds)); "
                + "held-out AUC \(String(format: "%.3f", report.model.heldOutAUC))")
        print("  intercept \(String(format: "%+.4f", report.model.intercept))")
        for (feature, coefficient) in zip(report.model.features, report.model.coefficients) {
            print("  \(feature) \(String(format: "%+.4f", coefficient))")
        }
        if let export { print("  rows written to \(export)") }
    }

    /// Days from `90d` or `90`.
    static func days(_ text: String) -> Int? {
        Int(text.hasSuffix("d") ? String(text.dropLast()) : text)
    }
}
