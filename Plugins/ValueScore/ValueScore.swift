import ScoreKit

/// The value module: what an account is worth to the business, by RFM/RFE, contract metrics or the team's assessment.
public enum ValueScore: ScoreModule {
    public typealias Configuration = ValueConfiguration

    public static let identifier = "value"
    public static let summary =
        "Customer value: RFM or RFE quintiles with segments, contract metrics, or the 4-item team assessment"

    public static let staleAfterDays = 31

    public static func facts(for configuration: ValueConfiguration) -> [FactKey] {
        let window = configuration.windowDays
        switch configuration.method {
        case .rfm: return [.daysSinceLastPayment, .paidInvoices(windowDays: window), .paidAmount(windowDays: window)]
        case .rfe:
            return [.daysSinceLastPayment, .paidInvoices(windowDays: window), .keyFeatureUses(windowDays: window)]
        case .contract: return ContractScorer.facts
        case .qualitative: return configuration.items.map { .assessment(item: $0) }
        }
    }

    public static func score(_ facts: FactTable, configuration: ValueConfiguration) throws -> [ScoredAccount] {
        switch configuration.method {
        case .rfm, .rfe: return RecencyFrequencyScorer(configuration: configuration).score(facts)
        case .contract: return ContractScorer(configuration: configuration).score(facts)
        case .qualitative: return QualitativeScorer(configuration: configuration).score(facts)
        }
    }
}
