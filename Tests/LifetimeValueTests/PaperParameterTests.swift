import Foundation
import Testing

import ScoreKit

@testable import LifetimeValueScore

/// The CDNOW sample (2,357 customers, 39-week calibration, time in weeks) as shipped with the `lifetimes` package.
private func cdnow() throws -> [PurchaseSummary] {
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/cdnow_customers_summary_with_transactions.csv").path
    let lines = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: .newlines).dropFirst()
    return lines.compactMap { line in
        let fields = line.split(separator: ",").compactMap {
            Double($0.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        guard fields.count == 5 else { return nil }
        return PurchaseSummary(frequency: fields[1], recency: fields[2], age: fields[3], monetary: fields[4])
    }
}

private func within(_ value: Double, _ published: Double, _ share: Double = 0.005) -> Bool {
    abs(value - published) <= share * abs(published)
}

@Test func bgnbdFitMatchesThePaperOnCDNOW() throws {
    let customers = try cdnow()
    #expect(customers.count == 2_357)
    let fit = BetaGeometricModel.fit(customers)
    #expect(fit.converged)
    #expect(within(fit.model.r, 0.243), "r \(fit.model.r)")
    #expect(within(fit.model.alpha, 4.414), "alpha \(fit.model.alpha)")
    #expect(within(fit.model.a, 0.793), "a \(fit.model.a)")
    #expect(within(fit.model.b, 2.426), "b \(fit.model.b)")
    // The paper's log-likelihood at the optimum.
    #expect(abs(fit.logLikelihood - -9582.4) < 0.5, "LL \(fit.logLikelihood)")
}

@Test func gammaGammaFitMatchesThePaperOnCDNOWRepeatCustomers() throws {
    let repeaters = try cdnow().filter { $0.frequency > 0 && $0.monetary > 0 }
    #expect(repeaters.count == 946)
    let fit = GammaGammaModel.fit(repeaters)
    #expect(fit.converged)
    #expect(within(fit.model.p, 6.25), "p \(fit.model.p)")
    #expect(within(fit.model.q, 3.74), "q \(fit.model.q)")
    #expect(within(fit.model.gamma, 15.44), "gamma \(fit.model.gamma)")
}

@Test func aliveProbabilityFollowsTheClosedForm() {
    let model = BetaGeometricModel(r: 0.243, alpha: 4.414, a: 0.793, b: 2.426)
    #expect(model.probabilityAlive(PurchaseSummary(frequency: 0, recency: 0, age: 38.86)) == 1)
    let older = model.probabilityAlive(PurchaseSummary(frequency: 2, recency: 10, age: 38.86))
    let recent = model.probabilityAlive(PurchaseSummary(frequency: 2, recency: 35, age: 38.86))
    #expect(recent > older)
    // By hand: 1 / (1 + a/(b+x-1) ((alpha+T)/(alpha+t_x))^(r+x)) for x = 2, t_x = 30.43, T = 38.86.
    let byHand = 1 / (1 + 0.793 / (2.426 + 1) * pow((4.414 + 38.86) / (4.414 + 30.43), 0.243 + 2))
    #expect(abs(model.probabilityAlive(PurchaseSummary(frequency: 2, recency: 30.43, age: 38.86)) - byHand) < 1e-12)
}

@Test func expectedPurchasesOfANewCustomerMatchTheUnconditionalFormula() {
    // With x = 0 and T = 0 the conditional expectation is the paper's E[X(t)] (equation 7).
    let model = BetaGeometricModel(r: 0.243, alpha: 4.414, a: 0.793, b: 2.426)
    let t = 39.0
    let unconditional =
        (model.a + model.b - 1) / (model.a - 1)
        * (1 - pow(model.alpha / (model.alpha + t), model.r)
            * SpecialFunctions.hypergeometric2F1(model.r, model.b, model.a + model.b - 1, t / (model.alpha + t)))
    let conditional = model.expectedPurchases(PurchaseSummary(frequency: 0, recency: 0, age: 0), horizon: t)
    #expect(abs(conditional - unconditional) < 1e-12)
    #expect(conditional > 0 && conditional < t)
}

@Test func recentRepeatActivityKeepsAnAccountMoreAliveThanLapsedActivity() throws {
    let example = try #require(LifetimeValueScore.examples.first)
    let scores = try LifetimeValueScore.score(example.facts, configuration: example.configuration)
    func detail(_ id: String, _ name: String) -> Double? {
        guard case .number(let value)? = scores.first(where: { $0.accountID == id })?.detail(name) else { return nil }
        return value
    }
    let recent = try #require(detail("recent", "p_alive"))
    let lapsed = try #require(detail("lapsed", "p_alive"))
    #expect(recent > lapsed)
    #expect(
        try #require(detail("recent", "expected_purchases")) > (try #require(detail("lapsed", "expected_purchases"))))
    for score in scores {
        #expect(abs(score.components.total - score.value) < 1e-9)
    }
}

@Test func tooFewRepeatBuyersIsRefusedInOneLine() throws {
    let example = try #require(LifetimeValueScore.examples.first)
    var configuration = example.configuration
    configuration.minRepeatAccounts = 500
    #expect {
        try LifetimeValueScore.score(example.facts, configuration: configuration)
    } throws: {
        "\($0)".hasPrefix("only 52 accounts with repeat purchases on different days (min_repeat_accounts is 500)")
    }
}

@Test func theBatchLikelihoodEqualsTheSumOfCustomerLikelihoods() throws {
    let customers = try cdnow()
    let model = BetaGeometricModel(r: 0.3, alpha: 5, a: 0.7, b: 2.5)
    let direct = customers.reduce(0.0) { $0 + model.logLikelihood($1) }
    #expect(abs(BetaGeometricModel.BatchLikelihood(customers).total(model) - direct) < 1e-6)
}

@Test func aDegenerateGammaGammaFitIsRecognisedAndCDNOWsIsNot() {
    let paper = GammaGammaModel(p: 6.25, q: 3.74, gamma: 15.44)
    let runaway = GammaGammaModel(p: 892_351, q: 3.1, gamma: 0.0002)
    let flat = GammaGammaModel(p: 3_257, q: 2.4e15, gamma: 3.7e13)
    let notANumber = GammaGammaModel(p: Double.nan, q: 3.74, gamma: 15.44)
    #expect(!paper.isDegenerate)
    #expect(runaway.isDegenerate)
    #expect(flat.isDegenerate)
    #expect(notANumber.isDegenerate)
}

/// Subscription-like billing: every account pays the same 49.00 at every purchase, so spend never varies.
private func flatSpendFacts() -> FactTable {
    var rows: [(account: AccountRef, facts: [FactKey: Double])] = []
    for index in 0..<300 {
        let frequency = Double(1 + index % 12)
        let span: Double = frequency * 30
        var values: [FactKey: Double] = [:]
        values[.repeatPurchaseDays] = frequency
        values[.purchaseSpanDays] = span
        values[.tenureDays] = span + 20
        values[.repeatPurchaseValue] = 4_900
        rows.append((AccountRef(id: "a\(index)", name: "A \(index)"), values))
    }
    return FactTable(asOf: Day(iso: "2025-01-01") ?? .today, rows: rows)
}

@Test func clvSaysOnEveryAccountThatItsSpendFitIsDegenerate() throws {
    let scores = try LifetimeValueScore.score(flatSpendFacts(), configuration: LifetimeValueConfiguration())
    #expect(scores.count == 300)
    for score in scores {
        guard case .text(let text)? = score.detail("spend_fit") else {
            Issue.record("no spend_fit on \(score.accountID)")
            continue
        }
        #expect(text.hasPrefix("degenerate (p "), "\(text)")
        // The limit of the Gamma-Gamma estimate is the account's own mean spend: 49.00.
        if case .number(let average)? = score.detail("expected_average_value") {
            #expect(abs(average - 49) < 0.5)
        }
    }
}
