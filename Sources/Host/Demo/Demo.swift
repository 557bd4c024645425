import Foundation
import Generator
import ScoreKit
import Store

/// The first look: generate a data set, import it into a fresh database, run every configured score.
public struct Demo {
    /// Where the demo writes its data and database.
    public let directory: String
    /// The configuration to run.
    public let configuration: ScorebookConfiguration
    /// Generator options.
    public let options: DataGenerator.Options

    /// Creates a demo.
    public init(directory: String, configuration: ScorebookConfiguration, options: DataGenerator.Options) {
        self.directory = directory
        self.configuration = configuration
        self.options = options
    }

    /// Days of churn a demo trains its trained scores on.
    public static let trainingHorizonDays = 90

    /// The demo database's path.
    public var databasePath: String { directory + "/scorebook.db" }

    /// Runs the demo, telling `report` each step (and any score it could not run); returns the runs.
    public func run(report: (String) -> Void) throws -> [RunSummary] {
        let dataDirectory = directory + "/data"
        let counts = try DataGenerator(options: options).write(to: dataDirectory)
        report(
            "generated \(options.accounts) accounts (seed \(options.seed)) in \(dataDirectory): "
                + counts.map { "\($0.rows) \($0.kind.rawValue)" }.joined(separator: ", "))
        for suffix in ["", "-wal", "-shm"] {
            try? FileManager.default.removeItem(atPath: databasePath + suffix)
        }
        let database = try Database(path: databasePath)
        let importer = Importer(database: database)
        for (kind, file) in DataGenerator.files {
            let summary = try importer.importFile(kind: kind, path: dataDirectory + "/" + file)
            report("imported \(summary.rowsRead) \(kind.rawValue) rows")
        }
        // A trained score needs a model: trained on the churns of the last 90 days, from features 90 days back.
        let trainer = ModelTrainer(database: database)
        for score in configuration.scores where score.usesTrainedModel {
            let request = TrainingRequest(
                outcome: "churned", horizonDays: Self.trainingHorizonDays,
                asOf: options.endDay.adding(days: -Self.trainingHorizonDays))
            // Too few churns on a small data set: said, and the score is then reported as not run.
            let trained: TrainingReport
            do {
                trained = try trainer.train(score, request)
            } catch let refusal as TrainingError {
                report("\(score.name): not trained: \(refusal)")
                continue
            }
            report(
                "trained \(score.name) as of \(request.asOf) on \(trained.trainingRows) accounts: held-out AUC "
                    + String(format: "%.3f", trained.model.heldOutAUC)
                    + trained.warnings.map { " (\($0))" }.joined())
        }
        let runner = ScoreRunner(database: database)
        // A score the generated data cannot support (too few repeat buyers for clv) is reported, not fatal.
        return configuration.scores.compactMap { score in
            do {
                return try runner.run(score, asOf: options.endDay)
            } catch {
                report("\(score.name): not run: \(error)")
                return nil
            }
        }
    }
}
