import ScoreKit

/// Settings of a value score: which method, its window, bins, weights, segments and bands.
public struct ValueConfiguration: ModuleConfiguration, Equatable {
    /// The ways the value module scores an account.
    public enum Method: String, SettingChoice {
        /// Recency, frequency, monetary (seed 004).
        case rfm
        /// Recency, frequency, engagement: RFM for usage-priced SaaS.
        case rfe
        /// Lifetime and contract metrics: lifetime revenue, ACV, ACV margin, CAGR, product density, LTV:CAC (seed 003).
        case contract
        /// The 4-item qualitative value score answered by the team (seed 000).
        case qualitative
    }

    /// How assessment answers are given in the qualitative method.
    public enum AnswerScale: String, SettingChoice {
        /// Yes = 1, no = 0; the points sum 0...4.
        case yesNo = "yes_no"
        /// 1...10 per item, weighted.
        case rating

        /// How each answer scores, for the help.
        public var note: String? { self == .yesNo ? "1 point per yes" : "1-10 per item" }
    }

    /// How the score is computed.
    @Setting("method", help: "") public var method = Method.rfm
    /// Days of transactions counted for frequency, monetary and engagement.
    @Setting(
        "window_days", help: "days of transactions counted for frequency, monetary and engagement",
        check: .positiveDays)
    public var windowDays = 365
    /// Recency edges in days; nil for quintiles.
    @Setting(
        "recency_bins", help: "four day edges; at or under each scores 5, 4, 3, 2, above the last 1",
        whenUnset: "quintiles", check: .whenSet(ValueConfiguration.binEdges))
    public var recencyBins: [Double]? = nil
    /// Frequency edges; nil for quintiles.
    @Setting(
        "frequency_bins", help: "four ascending edges; at or over the last scores 5 ... under the first 1",
        whenUnset: "quintiles", check: .whenSet(ValueConfiguration.binEdges))
    public var frequencyBins: [Double]? = nil
    /// Monetary edges in minor units; nil for quintiles.
    @Setting(
        "monetary_bins", help: "four ascending edges in minor units, as frequency_bins", whenUnset: "quintiles",
        check: .whenSet(ValueConfiguration.binEdges))
    public var monetaryBins: [Double]? = nil
    /// Engagement edges in key-feature uses; nil for quintiles.
    @Setting(
        "engagement_bins", help: "four ascending edges of key-feature uses, as frequency_bins",
        whenUnset: "quintiles", check: .whenSet(ValueConfiguration.binEdges))
    public var engagementBins: [Double]? = nil
    /// Signal weights in percent; nil for the method's defaults.
    @Setting(
        "weights", help: "signal: percent, summing to 100",
        whenUnset: "equal for rfm/rfe and qualitative; contract "
            + ContractSignal.defaultWeightsText(among: ContractSignal.allCases.filter { $0.defaultWeight > 0 }))
    public var weights: [String: Double]? = nil
    /// The RFM segment map, first match wins.
    @Setting(
        "segments", help: "RFM code rules [{name, r, f, m}], first match wins; must name all 125 codes",
        check: SettingCheck { rules in
            SegmentMap.firstUnnamedCode(in: rules).map { "no rule names code \($0); the map must name all 125 codes" }
        })
    public var segments = SegmentMap.standard
    /// Bands of contract and qualitative scores; nil for thirds.
    @Setting("bands", help: "label: low-high for contract and qualitative", whenUnset: Bands.highMediumLow.defaultText)
    public var bands: Bands? = nil
    /// How contract metrics are scaled across the base.
    @Setting("normalisation", help: "contract") public var normalisation = Normalisation.minMax
    /// The assessment items of the qualitative method: the four of seed 000, profile fit, need fit, low effort to
    /// serve and revenue (potential).
    @Setting("items", help: "qualitative: assessment items")
    public var items = ["profile_fit", "need_fit", "low_effort", "revenue_potential"]
    /// How the assessment items are answered.
    @Setting("answers", help: "qualitative") public var answers = AnswerScale.yesNo

    /// Four bin edges for scores 5 to 1, rising.
    static let binEdges = SettingCheck<[Double]> { edges in
        guard edges.count == 4 else { return "needs 4 edges for scores 5 to 1, got \(edges.count)" }
        guard zip(edges, edges.dropFirst()).allSatisfy({ $0 < $1 }) else {
            return "edges must rise, got \(edges.map { String($0) }.joined(separator: ", "))"
        }
        return nil
    }

    public init() {}

    /// The signals of the chosen method, in display order.
    public var signalNames: [String] {
        switch method {
        case .rfm: return ["recency", "frequency", "monetary"]
        case .rfe: return ["recency", "frequency", "engagement"]
        case .contract: return ContractSignal.allCases.map(\.rawValue)
        case .qualitative: return items
        }
    }

    /// The weights in force, in signal order: the configured ones, or the method's defaults.
    public var effectiveWeights: [(name: String, weight: Double)] {
        if let weights {
            return signalNames.map { ($0, weights[$0] ?? 0) }
        }
        switch method {
        case .rfm, .rfe, .qualitative:
            return signalNames.map { ($0, 100 / Double(signalNames.count)) }
        case .contract:
            return ContractSignal.weights(nil)
        }
    }

    /// The bands in force for contract and qualitative scores.
    public var effectiveBands: Bands { bands ?? .highMediumLow }

    public var signals: [SignalSpec] {
        effectiveWeights.filter { $0.weight > 0 }.map {
            SignalSpec(name: $0.name, share: $0.weight, isManual: method == .qualitative)
        }
    }

    public func validateTogether() throws {
        if let weights {
            try Weights.check(
                configured: weights, known: signalNames, inForce: effectiveWeights, at: ["weights"],
                scope: " for method \(method.rawValue)")
        }
        if method == .qualitative && items.isEmpty {
            throw ConfigurationProblem("needs at least one item", at: ["items"])
        }
    }
}

/// The signals of the contract method (seed 003).
public enum ContractSignal: String, WeightedSignal {
    case lifetimeRevenue = "lifetime_revenue"
    case acv
    case acvMargin = "acv_margin"
    case cagr
    case productDensity = "product_density"
    case ltvToCAC = "ltv_cac"

    /// The weight when the configuration gives none.
    public var defaultWeight: Double {
        switch self {
        case .lifetimeRevenue, .acv: return 30
        case .cagr, .productDensity: return 20
        case .acvMargin, .ltvToCAC: return 0
        }
    }
}
