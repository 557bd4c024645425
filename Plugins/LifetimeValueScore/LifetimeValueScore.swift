import Foundation
import ScoreKit

/// Probabilistic customer lifetime value: BG/NBD for how many purchases an account will still make (and whether it is
/// still alive), Gamma-Gamma for what each is worth, their product over a horizon as the score.
///
/// Facts follow the libraries' conventions in days: paid invoices on the same day are one purchase; frequency is
/// purchase days minus one, recency the days from the first to the last, T the days from the first to the as-of day,
/// monetary the mean of the repeat purchase days. Both models are fitted on the batch as of the run's day.
public enum LifetimeValueScore: ScoreModule {
    public typealias Configuration = LifetimeValueConfiguration

    public static let identifier = "clv"
    public static let summary =
        "Probabilistic lifetime value: BG/NBD purchases x Gamma-Gamma spend over a horizon, with P(alive)"
    public static let staleAfterDays = 31

    public static func facts(for configuration: LifetimeValueConfiguration) -> [FactKey] {
        [.repeatPurchaseDays, .purchaseSpanDays, .tenureDays, .repeatPurchaseValue]
    }

    public static func score(_ facts: FactTable, configuration: LifetimeValueConfiguration) throws -> [ScoredAccount] {
        let frequency = facts.column(.repeatPurchaseDays)
        let recency = facts.column(.purchaseSpanDays)
        let age = facts.column(.tenureDays)
        let monetary = facts.column(.repeatPurchaseValue)
        let base = facts.accounts.indices.filter { frequency[$0] != nil && age[$0] != nil }
        guard !base.isEmpty else {
            throw LifetimeValueError("no paid invoices on or before \(facts.asOf): nothing to fit")
        }
        let customers = base.map { row in
            PurchaseSummary(
                frequency: frequency[row] ?? 0, recency: recency[row] ?? 0, age: age[row] ?? 0,
                monetary: (monetary[row] ?? 0) / 100)
        }
        if let negative = zip(base, customers).first(where: { $0.1.monetary < 0 }) {
            throw LifetimeValueError(
                "account \(facts.accounts[negative.0].id) has a negative repeat spend; clv needs amounts of 0 or more")
        }
        let repeaters = customers.filter { $0.frequency > 0 && $0.monetary > 0 }
        guard repeaters.count >= configuration.minRepeatAccounts else {
            throw LifetimeValueError(
                "only \(repeaters.count) accounts with repeat purchases on different days (min_repeat_accounts "
                    + "is \(configuration.minRepeatAccounts)); "
                    + "for subscription billing the value module's contract metrics fit better")
        }
        let purchases = BetaGeometricModel.fit(customers)
        let spend = GammaGammaModel.fit(repeaters)
        guard purchases.converged, spend.converged else {
            throw LifetimeValueError(
                "the fit did not converge (BG/NBD \(purchases.converged ? "ok" : "not converged"), "
                    + "Gamma-Gamma \(spend.converged ? "ok" : "not converged")); the data may not suit the model")
        }
        // A degenerate spend fit still ranks by each account's own mean spend (its limit), so it is said on every
        // account, not refused: BG/NBD's purchases stay valid.
        let spendWarning: [(name: String, value: DetailValue)] =
            spend.model.degeneracy.map { degeneracy in
                let text =
                    "degenerate (p \(format(spend.model.p)), q \(format(spend.model.q)), gamma "
                    + "\(format(spend.model.gamma))): \(degeneracy), so each account's own mean spend is what counts; "
                    + "for subscription billing the value module's contract metrics fit better"
                return [("spend_fit", .text(text))]
            } ?? []
        let horizon = Double(configuration.horizonDays)
        let discount = pow(1 + configuration.discountRateYearly, -horizon / 365)
        let parameters: [(name: String, value: DetailValue)] = [
            ("r", .number(purchases.model.r)), ("alpha", .number(purchases.model.alpha)),
            ("a", .number(purchases.model.a)),
            ("b", .number(purchases.model.b)), ("p", .number(spend.model.p)), ("q", .number(spend.model.q)),
            ("gamma", .number(spend.model.gamma)),
        ]
        return zip(base, customers).map { row, customer in
            let alive = purchases.model.probabilityAlive(customer)
            let expected = purchases.model.expectedPurchases(customer, horizon: horizon)
            let average = spend.model.expectedAverageValue(customer)
            let value = expected * average * discount
            let component = Component(signal: "expected_value", raw: value, normalised: value, weight: 100)
            return ScoredAccount(
                accountID: facts.accounts[row].id, value: value, band: configuration.band(for: value),
                components: [component],
                details: [
                    ("p_alive", .number(alive)), ("expected_purchases", .number(expected)),
                    ("expected_average_value", .number(average)), ("frequency", .number(customer.frequency)),
                    ("recency", .number(customer.recency)), ("T", .number(customer.age)),
                    ("monetary", .number(customer.monetary)),
                ] + parameters + spendWarning)
        }
    }
}

/// A parameter as the error shows it: three decimals, or a whole number when it is large.
private func format(_ value: Double) -> String {
    abs(value) >= 1_000 && value.isFinite ? String(format: "%.0f", value) : String(format: "%.3f", value)
}

/// Why a clv score cannot be computed, in one line.
public struct LifetimeValueError: Error, CustomStringConvertible, Sendable {
    public let description: String
    init(_ description: String) { self.description = description }
}
