import Foundation
import ScoreKit

/// The credit module: payment reliability, for finance deciding credit terms; higher is more creditworthy.
///
/// The scored base is every account with an invoice issued in the window. Each signal is scaled across the base and
/// turned around where more is worse; sector risk comes from the configured table already on 0-100 and is used as
/// given. An account with no invoice due yet, or no employee count, neither gains nor loses on that signal (50).
/// The grade is the band; its suggested terms are the detail `terms`.
public enum CreditScore: ScoreModule {
    public typealias Configuration = CreditConfiguration

    public static let identifier = "credit"
    public static let summary =
        "Payment reliability for credit terms: lateness, DSO, failed invoices, open balance, size, sector"
    public static let staleAfterDays = 31

    public static func facts(for configuration: CreditConfiguration) -> [FactKey] {
        let window = configuration.windowDays
        let weighted = Set(configuration.effectiveWeights.filter { $0.weight > 0 }.map(\.name))
        var keys: [FactKey] = [
            .invoicesIssued(windowDays: window), .invoicedAmount(windowDays: window), .invoicesDue(windowDays: window),
            .invoicesPaidOnTime(windowDays: window), .averageDaysLate(windowDays: window),
            .uncollectibleInvoices(windowDays: window), .openBalance, .paidAmount(windowDays: window),
        ]
        if weighted.contains(CreditSignal.companySize.rawValue) { keys.append(.employees) }
        if weighted.contains(CreditSignal.sectorRisk.rawValue) { keys += configuration.sectors.map { .industry($0) } }
        if weighted.contains(CreditSignal.failedCharges.rawValue) { keys.append(.failedCharges(windowDays: window)) }
        if weighted.contains(CreditSignal.disputes.rawValue) { keys.append(.disputedCharges(windowDays: window)) }
        return keys
    }

    public static func score(_ facts: FactTable, configuration: CreditConfiguration) throws -> [ScoredAccount] {
        let columns = Dictionary(uniqueKeysWithValues: Self.facts(for: configuration).map { ($0, facts.column($0)) })
        let issued = columns[.invoicesIssued(windowDays: configuration.windowDays)] ?? []
        let base = facts.accounts.indices.filter { (issued[$0] ?? 0) > 0 }
        let reader = CreditFacts(columns: columns, configuration: configuration)
        let raw = CreditSignal.allCases.map { signal in base.map { reader.raw(signal, row: $0) } }
        let scaled = zip(CreditSignal.allCases, raw).map { signal, values -> [Double?] in
            switch signal {
            case .sectorRisk:
                return values.map { $0.map { 100 - $0 } }
            case .companySize:
                let logarithms = values.map { $0.map { log10(max($0, 1)) } }
                return Normaliser.scale(logarithms, by: configuration.normalisation)
            default:
                return signal.scale(values, by: configuration.normalisation)
            }
        }
        let signals = SignalColumns(
            weights: configuration.effectiveWeights, raw: raw, scaled: scaled, missing: Normaliser.constantValue)
        let bands = configuration.effectiveBands
        let terms = configuration.effectiveTerms

        return base.indices.map { row in
            let components = signals.components(row: row)
            let value = components.total
            let grade = bands.label(for: value)
            return ScoredAccount(
                accountID: facts.accounts[base[row]].id, value: value, band: grade, components: components,
                details: [("terms", .text(terms[grade] ?? ""))])
        }
    }
}
