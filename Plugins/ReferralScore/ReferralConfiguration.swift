import ScoreKit

/// Settings of a referral score: weights, normalisation, bands, the revenue window, big logos and lighthouse flags.
public struct ReferralConfiguration: ModuleConfiguration, Equatable {
    /// Signal weights in percent; nil for the defaults.
    @Setting(
        "weights", help: "signal: percent, summing to 100", whenUnset: ReferralSignal.defaultWeightsText())
    public var weights: [String: Double]? = nil
    /// How referred revenue is scaled across the base.
    @Setting("normalisation", help: "referred revenue") public var normalisation = Normalisation.minMax
    /// Band thresholds; nil for High/Medium/Low.
    @Setting(
        "bands", help: "label: low-high, or low-high% for shares of the base",
        whenUnset: ReferralConfiguration.standardBands.defaultText)
    public var bands: Bands? = nil
    /// Days of the referred accounts' payments that count.
    @Setting("window_days", help: "days of the referred accounts' payments that count", check: .positiveDays)
    public var windowDays = 365
    /// Account ids that are big logos whatever their size.
    @Setting("big_logos", help: "account ids that are big logos, whatever their size")
    public var bigLogos: [String] = []
    /// Employees from which an account is a big logo; nil for no size tier.
    ///
    /// Written as null when unset, so "no employee tier" and the default tier hash differently and read back as they
    /// were.
    @Setting(
        "big_logo_employees", help: "employees from which an account is a big logo; null for none",
        check: .whenSet(.positive("employees")))
    public var bigLogoEmployees: Int? = 1000
    /// Assessment items read as flags: lighthouse (advisory board, design partner, domain expert) and testimonial (a
    /// testimonial or case study given).
    @Setting("lighthouse_items", help: "assessment items answered yes or no per account")
    public var lighthouseItems = ["lighthouse", "testimonial"]

    public init() {}

    /// The weights in force, in signal order: the configured ones (a signal left out weighs 0), or the defaults.
    public var effectiveWeights: [(name: String, weight: Double)] { ReferralSignal.weights(weights) }

    /// The bands in force.
    public var effectiveBands: Bands { bands ?? Self.standardBands }

    /// The default bands: High 30-100, Medium 1-29, Low 0.
    ///
    /// Most accounts refer nobody and are no big logo, so their score is 0 (the demo: 864 of 923) and 34-66 or 67-100
    /// are out of reach (922 of 923 Low). Low means no value beyond the account's own revenue, Medium some, and High at
    /// least what a big logo alone (weight 30 by default) brings. Shares of the base would tie the zeros together.
    public static let standardBands = Bands.floors([("High", 30), ("Medium", 1), ("Low", 0)])

    /// The weight of a signal in force.
    func weight(of signal: ReferralSignal) -> Double {
        effectiveWeights.first { $0.name == signal.rawValue }?.weight ?? 0
    }

    public var signals: [SignalSpec] { ReferralSignal.specs(weights) }

    public func validateTogether() throws {
        try ReferralSignal.check(weights)
        if weight(of: .lighthouse) > 0 && lighthouseItems.isEmpty {
            throw ConfigurationProblem("lighthouse has weight but no items", at: ["lighthouse_items"])
        }
    }
}

extension ReferralConfiguration: BandedConfiguration {}
