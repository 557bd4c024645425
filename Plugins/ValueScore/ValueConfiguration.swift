import ScoreKit

/// Settings of a value score: which method, its window, bins, weights, segments and bands.
public struct ValueConfiguration: ModuleConfiguration, Equatable {
    /// The ways the value module scores an account.
    public enum Method: String, Sendable, Codable, CaseIterable {
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
    public enum AnswerScale: String, Sendable, Codable, CaseIterable {
        /// Yes = 1, no = 0; the points sum 0...4.
        case yesNo = "yes_no"
        /// 1...10 per item, weighted.
        case rating
    }

    public var method: Method = .rfm
    public var windowDays = 365
    public var recencyBins: [Double]?
    public var frequencyBins: [Double]?
    public var monetaryBins: [Double]?
    public var engagementBins: [Double]?
    public var weights: [String: Double]?
    public var segments: [SegmentRule] = SegmentMap.standard
    public var bands: Bands?
    public var normalisation: Normalisation = .minMax
    public var items: [String] = ValueConfiguration.standardItems
    public var answers: AnswerScale = .yesNo

    /// The four items of seed 000: profile fit, need fit, low effort to serve, revenue (potential).
    public static let standardItems = ["profile_fit", "need_fit", "low_effort", "revenue_potential"]

    public init() {}

    public static let settings: [Setting] = [
        Setting("method", "rfm (default), rfe, contract or qualitative"),
        Setting("window_days", "days of transactions counted for frequency, monetary and engagement (default 365)"),
        Setting("recency_bins", "four day edges; at or under each scores 5, 4, 3, 2, above the last 1 (default: quintiles)"),
        Setting("frequency_bins", "four ascending edges; at or over the last scores 5 ... under the first 1 (default: quintiles)"),
        Setting("monetary_bins", "four ascending edges in minor units, as frequency_bins (default: quintiles)"),
        Setting("engagement_bins", "four ascending edges of key-feature uses, as frequency_bins (default: quintiles)"),
        Setting("weights", "signal: percent, summing to 100 (default: equal for rfm/rfe and qualitative; contract 30/30/20/20)"),
        Setting("segments", "RFM code rules [{name, r, f, m}], first match wins; must name all 125 codes"),
        Setting("bands", "label: low-high for contract and qualitative (default High 67-100, Medium 34-66, Low 0-33)"),
        Setting("normalisation", "contract: min-max (default) or percentile"),
        Setting("items", "qualitative: assessment items (default profile_fit, need_fit, low_effort, revenue_potential)"),
        Setting("answers", "qualitative: yes_no (default, 1 point per yes) or rating (1-10 per item)"),
    ]

    enum CodingKeys: String, CodingKey {
        case method
        case windowDays = "window_days"
        case recencyBins = "recency_bins"
        case frequencyBins = "frequency_bins"
        case monetaryBins = "monetary_bins"
        case engagementBins = "engagement_bins"
        case weights, segments, bands, normalisation, items, answers
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        method = try container.decodeIfPresent(Method.self, forKey: .method) ?? .rfm
        windowDays = try container.decodeIfPresent(Int.self, forKey: .windowDays) ?? 365
        recencyBins = try container.decodeIfPresent([Double].self, forKey: .recencyBins)
        frequencyBins = try container.decodeIfPresent([Double].self, forKey: .frequencyBins)
        monetaryBins = try container.decodeIfPresent([Double].self, forKey: .monetaryBins)
        engagementBins = try container.decodeIfPresent([Double].self, forKey: .engagementBins)
        weights = try container.decodeIfPresent([String: Double].self, forKey: .weights)
        segments = try container.decodeIfPresent([SegmentRule].self, forKey: .segments) ?? SegmentMap.standard
        bands = try container.decodeIfPresent(Bands.self, forKey: .bands)
        normalisation = try container.decodeIfPresent(Normalisation.self, forKey: .normalisation) ?? .minMax
        items = try container.decodeIfPresent([String].self, forKey: .items) ?? Self.standardItems
        answers = try container.decodeIfPresent(AnswerScale.self, forKey: .answers) ?? .yesNo
    }

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
            return ContractSignal.allCases.map { ($0.rawValue, $0.defaultWeight) }
        }
    }

    /// The bands in force for contract and qualitative scores.
    public var effectiveBands: Bands {
        bands ?? Bands(trusted: [Band("Low", 0, 33), Band("Medium", 34, 66), Band("High", 67, 100)])
    }

    public var signals: [SignalSpec] {
        effectiveWeights.filter { $0.weight > 0 }.map {
            SignalSpec(name: $0.name, share: $0.weight, isManual: method == .qualitative)
        }
    }

    public func validate() throws {
        guard windowDays > 0 else { throw ConfigurationProblem("must be a positive number of days, got \(windowDays)", at: ["window_days"]) }
        let binSettings: [(String, [Double]?)] = [
            ("recency_bins", recencyBins), ("frequency_bins", frequencyBins),
            ("monetary_bins", monetaryBins), ("engagement_bins", engagementBins),
        ]
        for (key, edges) in binSettings {
            guard let edges else { continue }
            guard edges.count == 4 else { throw ConfigurationProblem("needs 4 edges for scores 5 to 1, got \(edges.count)", at: [key]) }
            guard zip(edges, edges.dropFirst()).allSatisfy({ $0 < $1 }) else {
                throw ConfigurationProblem("edges must rise, got \(edges.map { String($0) }.joined(separator: ", "))", at: [key])
            }
        }
        if let weights {
            try Weights.check(
                configured: weights, known: signalNames, inForce: effectiveWeights, at: ["weights"],
                scope: " for method \(method.rawValue)")
        }
        if let code = SegmentMap.firstUnnamedCode(in: segments) {
            throw ConfigurationProblem("no rule names code \(code); the map must name all 125 codes", at: ["segments"])
        }
        if method == .qualitative && items.isEmpty {
            throw ConfigurationProblem("needs at least one item", at: ["items"])
        }
    }
}

/// The signals of the contract method (seed 003).
public enum ContractSignal: String, Sendable, CaseIterable {
    case lifetimeRevenue = "lifetime_revenue"
    case acv
    case acvMargin = "acv_margin"
    case cagr
    case productDensity = "product_density"
    case ltvToCAC = "ltv_cac"

    var defaultWeight: Double {
        switch self {
        case .lifetimeRevenue, .acv: return 30
        case .cagr, .productDensity: return 20
        case .acvMargin, .ltvToCAC: return 0
        }
    }
}
