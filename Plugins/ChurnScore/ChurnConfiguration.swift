import ScoreKit

/// Settings of a churn score: the mode, weights, normalisation, risk bands and the windows of the signals.
public struct ChurnConfiguration: ModuleConfiguration, Equatable {
    /// Rules (default) or trained.
    @Setting("mode", help: "") public var mode = ChurnMode.rules
    /// Signal weights in percent; nil for the defaults.
    @Setting(
        "weights", help: "signal: percent, summing to 100, rules mode only",
        whenUnset: ChurnSignal.defaultWeightsText())
    public var weights: [String: Double]? = nil
    /// How signals are scaled across the base.
    @Setting("normalisation", help: "") public var normalisation = Normalisation.minMax
    /// Risk bands; nil for the mode's default High/Medium/Low.
    @Setting(
        "bands", help: "label: low-high, or low-high% for shares of the base",
        whenUnset: "rules \(ChurnConfiguration.standardBands.defaultText); trained, on the probability in percent, "
            + ChurnConfiguration.probabilityBands.defaultText)
    public var bands: Bands? = nil
    /// Days of each usage window: the last ones against the ones before.
    @Setting(
        "usage_window_days", help: "days of each usage window, the last against the one before", check: .positiveDays)
    public var usageWindowDays = 30
    /// Days in which high-priority tickets count.
    @Setting("ticket_window_days", help: "days in which high-priority tickets count", check: .positiveDays)
    public var ticketWindowDays = 90
    /// Days of invoices whose late or failed payment counts.
    @Setting(
        "payment_window_days", help: "days of invoices whose late or failed payment counts", check: .positiveDays)
    public var paymentWindowDays = 180
    /// Days back to the MRR that contraction is measured against.
    @Setting(
        "contraction_days", help: "days back to the MRR that contraction is measured against", check: .positiveDays)
    public var contractionDays = 90
    /// The highest NPS answer that counts as a detractor.
    @Setting("detractor_max", help: "highest NPS answer that counts as a detractor", check: .npsAnswer)
    public var detractorMax = 6.0
    /// Days to the renewal beyond which it is not near at all.
    @Setting(
        "renewal_horizon_days", help: "days to the next invoice beyond which renewal is not near",
        check: .positiveDays)
    public var renewalHorizonDays = 90
    /// The trained model in force; the host sets it from the store before a trained run, never the YAML.
    public var model: TrainedModel?

    /// The default rules-mode bands, by share of the scored base: the riskiest 10% High, the next 20% Medium.
    ///
    /// A rules score is a weighted sum of scaled signals, so few accounts reach 67 (the demo: 1 of 690 with value
    /// bands); a share always gives the save team a list of a size it can work.
    public static let standardBands = Bands.topTenth("High", nextFifth: "Medium", rest: "Low")

    /// The default trained-mode bands, on the model's probability of the outcome within the horizon, in percent.
    ///
    /// High from 10%, Medium from 5%. Churn within 90 days is rare (a few percent of the base), so 67% is never
    /// reached (the demo: 690 of 690 Low); 10% is about twice the usual quarterly rate.
    public static let probabilityBands = Bands.floors([("High", 10), ("Medium", 5), ("Low", 0)])

    public init() {}

    /// The weights in force, in signal order: the configured ones (a signal left out weighs 0), or the defaults.
    public var effectiveWeights: [(name: String, weight: Double)] { ChurnSignal.weights(weights) }

    /// The bands in force.
    public var effectiveBands: Bands { bands ?? (mode == .trained ? Self.probabilityBands : Self.standardBands) }

    public var signals: [SignalSpec] { ChurnSignal.specs(weights) }

    public func validateTogether() throws {
        if weights != nil, mode != .rules {
            throw ConfigurationProblem(
                "weights apply to mode rules only; a trained model learns its own", at: ["weights"])
        }
        try ChurnSignal.check(weights)
    }
}

extension ChurnConfiguration: BandedConfiguration {}
