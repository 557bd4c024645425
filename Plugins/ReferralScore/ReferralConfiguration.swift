import ScoreKit

/// Settings of a referral score: weights, normalisation, bands, the revenue window, big logos and lighthouse flags.
public struct ReferralConfiguration: ModuleConfiguration, Equatable {
    /// Signal weights in percent; nil for the defaults.
    public var weights: [String: Double]?
    /// How referred revenue is scaled across the base.
    public var normalisation: Normalisation = .minMax
    /// Band thresholds; nil for High/Medium/Low.
    public var bands: Bands?
    /// Days of the referred accounts' payments that count.
    public var windowDays = 365
    /// Account ids that are big logos whatever their size.
    public var bigLogos: [String] = []
    /// Employees from which an account is a big logo; nil for no size tier.
    public var bigLogoEmployees: Int? = 1000
    /// Assessment items read as lighthouse and testimonial flags.
    public var lighthouseItems: [String] = ReferralConfiguration.standardLighthouseItems

    /// Assessment items read as flags: lighthouse (advisory board, design partner, domain expert) and testimonial
    /// (a testimonial or case study given).
    public static let standardLighthouseItems = ["lighthouse", "testimonial"]

    public init() {}

    public static let settings: [Setting] = [
        Setting(
            "weights",
            "signal: percent, summing to 100 "
                + "(default referred_revenue 50, big_logo 30, lighthouse 20, second_degree_revenue 0)"
        ),
        Setting("normalisation", "referred revenue: min-max (default) or percentile"),
        Setting(
            "bands", "label: low-high, or low-high% for shares of the base (default High 30-100, Medium 1-29, Low 0)"),
        Setting("window_days", "days of the referred accounts' payments that count (default 365)"),
        Setting("big_logos", "account ids that are big logos, whatever their size (default none)"),
        Setting("big_logo_employees", "employees from which an account is a big logo; null for none (default 1000)"),
        Setting(
            "lighthouse_items", "assessment items answered yes or no per account (default lighthouse, testimonial)"),
    ]

    enum CodingKeys: String, CodingKey {
        case weights, normalisation, bands
        case windowDays = "window_days"
        case bigLogos = "big_logos"
        case bigLogoEmployees = "big_logo_employees"
        case lighthouseItems = "lighthouse_items"
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        weights = try container.decodeIfPresent([String: Double].self, forKey: .weights)
        normalisation = try container.decodeIfPresent(Normalisation.self, forKey: .normalisation) ?? .minMax
        bands = try container.decodeIfPresent(Bands.self, forKey: .bands)
        windowDays = try container.decodeIfPresent(Int.self, forKey: .windowDays) ?? 365
        bigLogos = try container.decodeIfPresent([String].self, forKey: .bigLogos) ?? []
        if container.contains(.bigLogoEmployees) {
            bigLogoEmployees = try container.decodeIfPresent(Int.self, forKey: .bigLogoEmployees)
        }
        lighthouseItems =
            try container.decodeIfPresent([String].self, forKey: .lighthouseItems) ?? Self.standardLighthouseItems
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(weights, forKey: .weights)
        try container.encode(normalisation, forKey: .normalisation)
        try container.encodeIfPresent(bands, forKey: .bands)
        try container.encode(windowDays, forKey: .windowDays)
        try container.encode(bigLogos, forKey: .bigLogos)
        // Written even when null, so "no employee tier" and the default tier hash differently.
        try container.encode(bigLogoEmployees, forKey: .bigLogoEmployees)
        try container.encode(lighthouseItems, forKey: .lighthouseItems)
    }

    /// The weights in force, in signal order: the configured ones (a signal left out weighs 0), or the defaults.
    public var effectiveWeights: [(name: String, weight: Double)] {
        ReferralSignal.allCases.map { signal in
            (signal.rawValue, weights.map { $0[signal.rawValue] ?? 0 } ?? signal.defaultWeight)
        }
    }

    /// The bands in force.
    public var effectiveBands: Bands { bands ?? Self.standardBands }

    /// The default bands: High 30-100, Medium 1-29, Low 0.
    ///
    /// Most accounts refer nobody and are no big logo, so their score is 0 (the demo: 864 of 923) and 34-66 or 67-100
    /// are out of reach (922 of 923 Low). Low means no value beyond the account's own revenue, Medium some, and High at
    /// least what a big logo alone (weight 30 by default) brings. Shares of the base would tie the zeros together.
    public static let standardBands = Bands(trusted: [Band("Low", 0, 0), Band("Medium", 1, 29), Band("High", 30, 100)])

    /// The weight of a signal in force.
    func weight(of signal: ReferralSignal) -> Double {
        effectiveWeights.first { $0.name == signal.rawValue }?.weight ?? 0
    }

    public var signals: [SignalSpec] {
        zip(ReferralSignal.allCases, effectiveWeights).filter { $0.1.weight > 0 }.map {
            SignalSpec(name: $0.1.name, share: $0.1.weight, isManual: $0.0.isManual)
        }
    }

    public func validate() throws {
        guard windowDays > 0 else {
            throw ConfigurationProblem("must be a positive number of days, got \(windowDays)", at: ["window_days"])
        }
        if let employees = bigLogoEmployees, employees <= 0 {
            throw ConfigurationProblem(
                "must be a positive number of employees, got \(employees)", at: ["big_logo_employees"])
        }
        if let weights {
            try Weights.check(
                configured: weights, known: ReferralSignal.allCases.map(\.rawValue), inForce: effectiveWeights, at: ["weights"])
        }
        if weight(of: .lighthouse) > 0 && lighthouseItems.isEmpty {
            throw ConfigurationProblem("lighthouse has weight but no items", at: ["lighthouse_items"])
        }
    }
}

extension ReferralConfiguration: BandedConfiguration {}
