import Foundation
import Generator
import ScoreKit
import Store
import Testing

@testable import Host

/// Twelve rows of two features; the reference numbers come from scripts/logistic-reference.py (scikit-learn's
/// LogisticRegression with C = 1 / lambda, cross-checked with scipy's BFGS on the same objective).
private let referenceRows: [[Double]] = [
    [0.5, 1.2], [1.5, -0.3], [-0.7, 0.8], [2.0, 1.0], [-1.2, -1.5], [0.3, 0.1],
    [1.1, 2.2], [-0.4, -0.9], [0.9, -1.1], [-1.8, 0.4], [1.6, 0.7], [-0.2, 1.9],
]
private let referenceLabels: [Double] = [1, 1, 0, 1, 0, 0, 1, 0, 1, 0, 0, 1]

@Test(arguments: [
    (1.0, -0.484_741_125_373, 0.876_056_192_193, 0.494_116_460_778),
    (0.1, -0.734_479_585_014, 1.293_885_652_595, 0.686_497_318_977),
])
func theNewtonSolverMatchesScikitLearn(lambda: Double, intercept: Double, first: Double, second: Double) throws {
    let fit = try LogisticRegression(lambda: lambda).fit(referenceRows, referenceLabels)
    #expect(abs(fit.intercept - intercept) < 1e-7)
    #expect(abs(fit.coefficients[0] - first) < 1e-7)
    #expect(abs(fit.coefficients[1] - second) < 1e-7)
    #expect(fit.iterations < 20)
}

@Test func theAUCCountsTiesAsHalf() throws {
    // Positives 0.4, 0.35, 0.8, 0.7 against negatives 0.1, 0.4, 0.2, 0.4: 3 + 2 + 4 + 4 = 13 of 16 pairs
    // (the 0.4 positive ties two negatives, half each); scikit-learn's roc_auc_score agrees.
    let auc = try #require(
        ROCCurve.area(scores: [0.1, 0.4, 0.4, 0.35, 0.8, 0.4, 0.7, 0.2], labels: [0, 1, 0, 1, 1, 0, 1, 0]))
    #expect(abs(auc - 0.8125) < 1e-12)
    #expect(ROCCurve.area(scores: [1, 1, 1], labels: [1, 0, 1]) == 0.5)
    #expect(ROCCurve.area(scores: [0.2, 0.3], labels: [1, 1]) == nil)
}

@Test func theSplitHoldsOutThirtyPercentOfEachOutcomeAndRepeatsWithItsSeed() {
    let labels = (0..<100).map { $0 % 5 == 0 ? 1.0 : 0.0 }
    let split = StratifiedSplit.split(labels: labels, heldOutShare: 0.3, seed: 7)
    #expect(split.heldOut.filter { labels[$0] == 1 }.count == 6)
    #expect(split.heldOut.count == 30)
    #expect(Set(split.training).isDisjoint(with: split.heldOut))
    #expect(split.training.count + split.heldOut.count == 100)
    #expect(StratifiedSplit.split(labels: labels, heldOutShare: 0.3, seed: 7).heldOut == split.heldOut)
    #expect(StratifiedSplit.split(labels: labels, heldOutShare: 0.3, seed: 8).heldOut != split.heldOut)
}

@Test func aWeakOrLeakyAUCWarns() {
    #expect(ModelTrainer.warnings(auc: 0.65).first?.contains("barely better than chance") == true)
    #expect(ModelTrainer.warnings(auc: 0.75) == [])
    #expect(ModelTrainer.warnings(auc: 0.9).first?.contains("leakage") == true)
}

@Test(arguments: Engine.allCases) func aTrainedChurnScoreTrainsAndRunsEndToEnd(engine: Engine) throws {
    let scratch = try Scratch(engine: engine)
    let data = scratch.folder.appendingPathComponent("data").path
    _ = try DataGenerator(options: DataGenerator.Options(accounts: 800, seed: 3, usageDays: 180)).write(to: data)
    let importer = Importer(database: scratch.database)
    for (kind, file) in DataGenerator.files {
        _ = try importer.importFile(kind: kind, path: data + "/" + file)
    }
    let configuration = try ScorebookConfiguration.parse(
        yaml: "scores:\n  risk:\n    module: churn\n    mode: trained\n", file: "t")
    let score = try configuration.score(named: "risk")
    let end = DataGenerator.defaultEndDay
    #expect(throws: TrainingError.noModel(score: "risk")) {
        try ScoreRunner(database: scratch.database).run(score, asOf: end)
    }
    #expect(throws: TrainingError.self) {
        try ModelTrainer(database: scratch.database).train(
            score, TrainingRequest(outcome: "churned", horizonDays: 90, asOf: end.adding(days: -30)))
    }

    #expect(throws: TrainingError.self) {
        // No account ever "downgraded": one class only, refused rather than fitted.
        try ModelTrainer(database: scratch.database).train(
            score, TrainingRequest(outcome: "downgraded", horizonDays: 90, asOf: end.adding(days: -90)))
    }
    #expect(try TrainedModelStore(database: scratch.database).latest(scoreName: "risk") == nil)

    let report = try ModelTrainer(database: scratch.database).train(
        score, TrainingRequest(outcome: "churned", horizonDays: 90, asOf: end.adding(days: -90)))
    #expect(report.model.features.count == 6)
    #expect(report.heldOutPositives > 0 && report.trainingPositives > report.heldOutPositives)
    #expect(report.model.heldOutAUC > 0.5 && report.model.heldOutAUC <= 1)
    let stored = try #require(try TrainedModelStore(database: scratch.database).latest(scoreName: "risk"))
    #expect(stored.id == report.modelID && abs(stored.heldOutAUC - report.model.heldOutAUC) < 1e-12)

    let summary = try ScoreRunner(database: scratch.database).run(score, asOf: end)
    #expect(summary.accountCount > 100)
    let results = try ScoreRunStore(database: scratch.database).results(runID: summary.runID)
    for result in results.prefix(50) {
        #expect(abs(result.components.total - result.value) < 1e-9)
        #expect(result.components.map(\.signal) == ["baseline"] + report.model.features)
        #expect((0...100).contains(result.value))
        #expect(result.detail("model")?.description.hasPrefix("\(report.modelID), trained as of 2026-08-02") == true)
    }

    // Too few churns in a part: refused in one line, and the model in use stays the one above.
    let strict = TrainingMinimums(training: report.trainingPositives + 1)
    let refused = #expect(throws: TrainingError.self) {
        try ModelTrainer(database: scratch.database).train(
            score, TrainingRequest(outcome: "churned", horizonDays: 90, asOf: end.adding(days: -90), minimums: strict))
    }
    #expect(
        refused
            == .tooFewOutcomes(
                score: "risk", part: "training", positives: report.trainingPositives,
                negatives: report.trainingRows - report.trainingPositives, minimum: report.trainingPositives + 1))
    #expect(refused.map { "\($0)".contains("\n") } == false)
    #expect(try TrainedModelStore(database: scratch.database).latest(scoreName: "risk")?.id == report.modelID)
    let heldOutStrict = TrainingMinimums(training: 1, heldOut: report.heldOutPositives + 1)
    #expect(throws: TrainingError.self) {
        try ModelTrainer(database: scratch.database).train(
            score,
            TrainingRequest(outcome: "churned", horizonDays: 90, asOf: end.adding(days: -90), minimums: heldOutStrict))
    }
    #expect(try TrainedModelStore(database: scratch.database).latest(scoreName: "risk")?.id == report.modelID)
}

@Test func theDefaultMinimumsAreTenToFitAndFiveHeldOut() {
    #expect(TrainingMinimums() == TrainingMinimums(training: 10, heldOut: 5))
    #expect(TrainingMinimums(training: 0, heldOut: -3) == TrainingMinimums(training: 1, heldOut: 1))
}
