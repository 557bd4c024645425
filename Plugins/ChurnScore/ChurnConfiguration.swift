import ScoreKit

/// Settings of a churn score: the mode, weights, normalisation, risk bands and the windows of the signals.
public struct ChurnConfiguration: ModuleConfiguration, Equatable {
    /// Rules (default) or trained.
    public var mode: ChurnMode = .rules
    /// Signal weights in percent; nil for the defaults.
    public var weights: [String: Double]?
    /// How signals are scaled across the base.
    public var normalisation: Normalisation = .minMax
    /// Risk bands; nil for the mode's default High/Medium/Low.
    public var bands: Bands?
    /// Days of each usage window: the last ones against the ones before.
    public var usageWindowDays = 30
    /// Days in which high-priority tickets count.
    public var ticketWindowDays = 90
    /// Days of invoices whose late or failed payment counts.
    public var paymentWindowDays = 180
    /// Days back to the MRR that contraction is measured against.
    public var contractionDays = 90
    /// The highest NPS answer that counts as a detractor.
    public var detractorMax = 6.0
    /// Days to the renewal beyond which it is not near at all.
    public var renewalHorizonDays = 90
    /// The trained model in force; the host sets it from the store before a trained run, never the YAML.
    public var model: TrainedModel?

    /// The default rules-mode bands, by share of the scored base: the riskiest 10% High, the next 20% Medium.
    ///
    /// A rules score is a weighted sum of scaled signals, so few accounts reach 67 (the demo: 1 of 690 with value
    /// bands); a share always gives the save team a list of a size it can work.
    public static let standardBands = Bands(
        trusted: [Band("Low", 0, 69), Band("Medium", 70, 89), Band("High", 90, 100)], isShareOfBase: true)

    /// The default trained-mode bands, on the model's probability of the outcome within the horizon, in percent:
    /// High from 10%, Medium from 5%. Churn within 90 days is rare (a few percent of the base), so 67% is never
    /// reached (the demo: 690 of 690 Low); 10% is about twice the usual quarterly rate.
    public static let probabilityBands = Bands(
        trusted: [Band("Low", 0, 4), Band("Medium", 5, 9), Band("High", 10, 100)])

    public init() {}

    public static let settings: [Setting] = [
        Setting(
            "mode", "rules (default: weighted signals) or trained (the model `scorebook train` stored for the score)"),
        Setting(
            "weights",
            "signal: percent, summing to 100 (default usage_trend 30, high_priority_tickets 15, payment_issues 15, "
                + "detractor 15, mrr_contraction 15, renewal_near 10); rules mode only"
        ),
        Setting("normalisation", "min-max (default) or percentile"),
        Setting(
            "bands",
            "label: low-high, or low-high% for shares of the base (default rules High 90-100%, Medium 70-89%, "
                + "Low 0-69%; trained, on the probability in percent, High 10-100, Medium 5-9, Low 0-4)"),
        Setting("usage_window_days", "days of each usage window, the last against the one before (default 30)"),
        Setting("ticket_window_days", "days in which high-priority tickets count (default 90)"),
        Setting("payment_window_days", "days of invoices whose late or failed payment counts (default 180)"),
        Setting("contraction_days", "days back to the MRR that contraction is measured against (default 90)"),
        Setting("detractor_max", "highest NPS answer that counts as a detractor (default 6)"),
        Setting("renewal_horizon_days", "days to the next invoice beyond which renewal is not near (default 90)"),
    ]

    enum CodingKeys: String, CodingKey {
        case mode, weights, normalisation, bands
        case usageWindowDays = "usage_window_days"
        case ticketWindowDays = "ticket_window_days"
        case paymentWindowDays = "payment_window_days"
        case contractionDays = "contraction_days"
        case detractorMax = "detractor_max"
        case renewalHorizonDays = "renewal_horizon_days"
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let modeText = try container.decodeIfPresent(String.self, forKey: .mode) ?? ChurnMode.rules.rawValue
        guard let mode = ChurnMode(rawValue: modeText) else {
            throw ConfigurationProblem("mode must be rules or trained, got \"\(modeText)\"", at: ["mode"])
        }
        self.mode = mode
        weights = try container.decodeIfPresent([String: Double].self, forKey: .weights)
        normalisation = try container.decodeIfPresent(Normalisation.self, forKey: .normalisation) ?? .minMax
        bands = try container.decodeIfPresent(Bands.self, forKey: .bands)
        usageWindowDays = try container.decodeIfPresent(Int.self, forKey: .usageWindowDays) ?? 30
        ticketWindowDays = try container.decodeIfPresent(Int.self, forKey: .ticketWindowDays) ?? 90
        paymentWindowDays = try container.decodeIfPresent(Int.self, forKey: .paymentWindowDays) ?? 180
        contractionDays = try container.decodeIfPresent(Int.self, forKey: .contractionDays) ?? 90
        detractorMax = try container.decodeIfPresent(Double.self, forKey: .detractorMax) ?? 6
        renewalHorizonDays = try container.decodeIfPresent(Int.self, forKey: .renewalHorizonDays) ?? 90
    }

    /// Encodes the settings, never the model: the model is stored on its own, by score name.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(mode, forKey: .mode)
        try container.encodeIfPresent(weights, forKey: .weights)
        try container.encode(normalisation, forKey: .normalisation)
        try container.encodeIfPresent(bands, forKey: .bands)
        try container.encode(usageWindowDays, forKey: .usageWindowDays)
        try container.encode(ticketWindowDays, forKey: .ticketWindowDays)
        try container.encode(paymentWindowDays, forKey: .paymentWindowDays)
        try container.encode(contractionDays, forKey: .contractionDays)
        try container.encode(detractorMax, forKey: .detractorMax)
        try container.encode(renewalHorizonDays, forKey: .renewalHorizonDays)
    }

    /// The weights in force, in signal order: the configured ones (a signal left out weighs 0), or the defaults.
    public var effectiveWeights: [(name: String, weight: Double)] {
        ChurnSignal.allCases.map { signal in
            (signal.rawValue, weights.map { $0[signal.rawValue] ?? 0 } ?? signal.defaultWeight)
        }
    }

    /// The bands in force.
    public var effectiveBands: Bands { bands ?? (mode == .trained ? Self.probabilityBands : Self.standardBands) }

    public var signals: [SignalSpec] {
        effectiveWeights.filter { $0.weight > 0 }.map { SignalSpec(name: $0.name, share: $0.weight) }
    }

    public func validate() throws {
        let windows = [
            ("usage_window_days", usageWindowDays), ("ticket_window_days", ticketWindowDays),
            ("payment_window_days", paymentWindowDays), ("contraction_days", contractionDays),
            ("renewal_horizon_days", renewalHorizonDays),
        ]
        for (key, days) in windows where days <= 0 {
            throw ConfigurationProblem("must be a positive number of days, got \(days)", at: [key])
        }
        guard (0...10).contains(detractorMax) else {
            throw ConfigurationProblem("must be an NPS answer 0-10, got \(detractorMax)", at: ["detractor_max"])
        }
        if let weights {
            guard mode == .rules else {
                throw ConfigurationProblem(
                    "weights apply to mode rules only; a trained model learns its own", at: ["weights"])
            }
            try Weights.check(
                configured: weights, known: ChurnSignal.allCases.map(\.rawValue), inForce: effectiveWeights,
                at: ["weights"])
        }
    }
}

extension ChurnConfiguration: BandedConfiguration {}
