import Foundation
import Generator
import ScoreKit
import Store

/// What `scorebook train` asks for.
public struct TrainingRequest: Sendable {
    /// The outcome event that counts as positive (`churned`).
    public let outcome: String
    /// Days after the as-of day in which the outcome counts.
    public let horizonDays: Int
    /// The day the features are computed as of.
    public let asOf: Day
    /// The share of each outcome's rows held out for the AUC.
    public let heldOutShare: Double
    /// The split's seed.
    public let seed: UInt64
    /// The L2 penalty.
    public let lambda: Double
    /// The fewest positives and negatives each part needs before its model is trusted.
    public let minimums: TrainingMinimums

    /// Creates a request with a 30% held-out part, seed 42, lambda 1 and the default minimums.
    public init(
        outcome: String, horizonDays: Int, asOf: Day, heldOutShare: Double = 0.3, seed: UInt64 = 42, lambda: Double = 1,
        minimums: TrainingMinimums = TrainingMinimums()
    ) {
        self.outcome = outcome
        self.horizonDays = horizonDays
        self.asOf = asOf
        self.heldOutShare = heldOutShare
        self.seed = seed
        self.lambda = lambda
        self.minimums = minimums
    }
}

/// What training found and stored.
public struct TrainingReport: Sendable {
    /// The stored model's id.
    public let modelID: Int64
    /// The model.
    public let model: TrainedModel
    /// Rows fitted on, and their positives.
    public let trainingRows: Int
    public let trainingPositives: Int
    /// Rows held out, and their positives.
    public let heldOutRows: Int
    public let heldOutPositives: Int
    /// Newton iterations.
    public let iterations: Int
    /// Warnings on the held-out AUC (below 0.70: barely better than chance; above 0.85: likely leakage).
    public let warnings: [String]
    /// The rows as trained on, for comparing with another implementation.
    public let rows: TrainingRows
}

/// Every row of a training: the account, its label, whether it was held out, and its raw features.
public struct TrainingRows: Sendable {
    /// The features' names.
    public let features: [String]
    /// The accounts' ids.
    public let accountIDs: [String]
    /// 1 when the outcome happened within the horizon.
    public let labels: [Double]
    /// True for the held-out rows.
    public let isHeldOut: [Bool]
    /// Raw feature values per row; nil when missing.
    public let values: [[Double?]]

    /// The rows as CSV: `account_id,part,label,feature...`, missing values empty.
    public var csv: String {
        var lines = [CSVField.row(["account_id", "part", "label"] + features)]
        for row in accountIDs.indices {
            let values = values[row].map { $0.map { String($0) } ?? "" }
            lines.append(
                CSVField.row(
                    [accountIDs[row], isHeldOut[row] ? "held_out" : "training", String(Int(labels[row]))] + values))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// Trains a score's model on accounts whose outcome is known, and stores it by the score's name.
///
/// Features are the score's own inputs as of the day; an account in the score's base (for churn: MRR above 0 on the
/// day, so accounts lost before it are out) is positive when an outcome row with the event falls in
/// `(asOf, asOf + horizon]`, negative otherwise. The horizon must end by the data's last day, so every negative was
/// seen staying.
public struct ModelTrainer {
    private let database: Database

    /// The held-out AUC below which a model is barely better than chance.
    public static let weakAUC = 0.70
    /// The held-out AUC above which the features probably leak the outcome.
    public static let leakyAUC = 0.85

    /// Creates a trainer on a connection.
    public init(database: Database) { self.database = database }

    /// Trains, checks on the held-out part, and stores the model.
    public func train(_ score: NamedScore, _ request: TrainingRequest) throws -> TrainingReport {
        var (facts, rowIDs) = try FactLoader(database: database).load(score.facts, asOf: request.asOf)
        if let segment = score.segment {
            (facts, rowIDs) = try segment.restrict(facts, rowIDs: rowIDs, database: database, score: score.name)
        }
        guard let features = score.features(facts) else {
            throw TrainingError.notTrainable(score: score.name, module: score.module)
        }
        let horizonEnd = request.asOf.adding(days: request.horizonDays)
        if let lastDay = try lastDataDay(), lastDay < horizonEnd {
            throw TrainingError.horizonPastData(
                score: score.name, horizonEnd: horizonEnd.description, lastDay: lastDay.description)
        }
        let positives = try accountsWithOutcome(request.outcome, after: request.asOf, through: horizonEnd)
        let labels = features.rows.map { positives.contains(rowIDs[$0]) ? 1.0 : 0.0 }
        let split = StratifiedSplit.split(labels: labels, heldOutShare: request.heldOutShare, seed: request.seed)
        // Refused before anything is stored, so the model in use stays the previous one.
        let parts = [
            ("training", split.training, request.minimums.training),
            ("held-out", split.heldOut, request.minimums.heldOut),
        ]
        for (part, rows, minimum) in parts {
            let positives = rows.filter { labels[$0] == 1 }.count
            if positives < minimum || rows.count - positives < minimum {
                throw TrainingError.tooFewOutcomes(
                    score: score.name, part: part, positives: positives, negatives: rows.count - positives,
                    minimum: minimum)
            }
        }
        let heldOut = Set(split.heldOut)
        let standardiser = Standardiser(split.training.map { features.values[$0] }, columns: features.names.count)
        let fit = try LogisticRegression(lambda: request.lambda).fit(
            split.training.map { standardiser.transform(features.values[$0]) }, split.training.map { labels[$0] })
        let unchecked = TrainedModel(
            features: features.names, means: standardiser.means, deviations: standardiser.deviations,
            coefficients: fit.coefficients, intercept: fit.intercept, heldOutAUC: 0)
        let heldOutScores = split.heldOut.map { unchecked.logOdds(features.values[$0]) }
        let auc = ROCCurve.area(scores: heldOutScores, labels: split.heldOut.map { labels[$0] }) ?? 0.5
        let model = TrainedModel(
            features: features.names, means: standardiser.means, deviations: standardiser.deviations,
            coefficients: fit.coefficients, intercept: fit.intercept, heldOutAUC: auc)
        let json = String(decoding: try JSONEncoder().encode(model), as: UTF8.self)
        let id = try TrainedModelStore(database: database).insert(
            StoredModel(
                scoreName: score.name, module: score.module, outcome: request.outcome,
                asOf: request.asOf.description, horizonDays: request.horizonDays, trainingRows: split.training.count,
                heldOutRows: split.heldOut.count, heldOutAUC: auc, model: json))
        return TrainingReport(
            modelID: id, model: model, trainingRows: split.training.count,
            trainingPositives: split.training.filter { labels[$0] == 1 }.count, heldOutRows: split.heldOut.count,
            heldOutPositives: split.heldOut.filter { labels[$0] == 1 }.count, iterations: fit.iterations,
            warnings: Self.warnings(auc: auc),
            rows: TrainingRows(
                features: features.names, accountIDs: features.rows.map { facts.accounts[$0].id }, labels: labels,
                isHeldOut: features.rows.indices.map { heldOut.contains($0) }, values: features.values))
    }

    /// The warnings a held-out AUC earns.
    public static func warnings(auc: Double) -> [String] {
        if auc < weakAUC {
            return ["held-out AUC \(format(auc)) is below \(format(weakAUC)): the model is barely better than chance"]
        }
        if auc > leakyAUC {
            return [
                "held-out AUC \(format(auc)) is above \(format(leakyAUC)): check for leakage "
                    + "(a feature that records the outcome, such as billing status)"
            ]
        }
        return []
    }

    /// The latest stored model of a score, decoded.
    public func latestModel(of score: NamedScore) throws -> TrainedModel {
        guard let stored = try TrainedModelStore(database: database).latest(scoreName: score.name) else {
            throw TrainingError.noModel(score: score.name)
        }
        do {
            var model = try JSONDecoder().decode(TrainedModel.self, from: Data(stored.model.utf8))
            model.source =
                "\(stored.id), trained as of \(stored.asOf) on \(stored.outcome) within \(stored.horizonDays) days, "
                + "held-out AUC \(Self.format(stored.heldOutAUC))"
            return model
        } catch {
            throw TrainingError.unreadableModel(score: score.name, reason: "\(error)")
        }
    }

    private static func format(_ value: Double) -> String { String(format: "%.3f", value) }

    /// The last day the data speaks for: the latest outcome, invoice, usage or MRR change.
    private func lastDataDay() throws -> Day? {
        try database.makeStatement(
            """
            SELECT max(day) FROM (
                SELECT max(event_date) AS day FROM outcomes UNION ALL SELECT max(issued_date) FROM invoices
                UNION ALL SELECT max(day) FROM usage_daily UNION ALL SELECT max(effective_date) FROM mrr_changes) AS latest
            """
        ).map { $0.text(0).flatMap(Day.init(iso:)) }.first ?? nil
    }

    /// Row ids of accounts with an outcome row of this event in `(after, through]`.
    private func accountsWithOutcome(_ event: String, after: Day, through: Day) throws -> Set<Int64> {
        Set(
            try database.makeStatement(
                "SELECT DISTINCT account_id FROM outcomes WHERE event = ? AND event_date > ? AND event_date <= ?"
            ).map([.text(event), .text(after.description), .text(through.description)]) { $0.integer(0) })
    }
}
