import ScoreKit

/// Settings of a credit score: weights, normalisation, grade bands and their terms, the sector risk table and window.
public struct CreditConfiguration: ModuleConfiguration, Equatable {
    /// Signal weights in percent; nil for the defaults.
    @Setting(
        "weights", help: "signal: percent, summing to 100",
        whenUnset: CreditSignal.defaultWeightsText(among: CreditSignal.allCases.filter { $0.defaultWeight > 0 })
            + "; failed_charges and disputes, from synced charges, 0 unless given")
    public var weights: [String: Double]? = nil
    /// How signals are scaled across the base.
    @Setting("normalisation", help: "") public var normalisation = Normalisation.minMax
    /// Grade thresholds; nil for A-E in steps of 20.
    @Setting("bands", help: "grade: low-high", whenUnset: CreditConfiguration.standardBands.defaultText)
    public var bands: Bands? = nil
    /// Suggested terms per grade; nil for the defaults.
    @Setting(
        "terms", help: "grade: suggested terms, one per grade", whenUnset: CreditConfiguration.standardTermsText)
    public var terms: [String: String]? = nil
    /// Risk 0-100 per industry.
    @Setting("sector_risk", help: "industry: risk 0-100, more is riskier") public var sectorRisk: [String: Double] = [:]
    /// Risk of an industry not listed, or unknown.
    @Setting(
        "default_sector_risk", help: "risk 0-100 of an industry not in sector_risk, or unknown",
        check: CreditConfiguration.riskCheck)
    public var defaultSectorRisk = 50.0
    /// Days of invoices for the payment signals.
    @Setting("window_days", help: "days of invoices for the payment signals", check: .positiveDays)
    public var windowDays = 365

    /// Grades A-E in steps of 20.
    public static let standardBands = Bands.floors([("A", 80), ("B", 60), ("C", 40), ("D", 20), ("E", 0)])

    /// The suggested payment terms per grade.
    public static let standardTerms = ["A": "net 60", "B": "net 45", "C": "net 30", "D": "net 15", "E": "prepay"]

    /// The standard terms in grade order, as the help says them.
    static var standardTermsText: String {
        standardBands.labels.map { "\($0) \(standardTerms[$0] ?? "")" }.joined(separator: ", ")
    }

    /// A sector's risk: 0-100.
    static let riskCheck = SettingCheck<Double> {
        (0...100).contains($0) ? nil : "risk must be 0-100, got \(NumberText.plain($0))"
    }

    public init() {}

    /// The weights in force, in signal order: the configured ones (a signal left out weighs 0), or the defaults.
    public var effectiveWeights: [(name: String, weight: Double)] { CreditSignal.weights(weights) }

    /// The grade bands in force.
    public var effectiveBands: Bands { bands ?? Self.standardBands }

    /// The terms in force, by grade.
    public var effectiveTerms: [String: String] { terms ?? Self.standardTerms }

    /// The listed sectors, sorted, so a run reads them in a stable order.
    public var sectors: [String] { sectorRisk.keys.sorted() }

    public var signals: [SignalSpec] { CreditSignal.specs(weights) }

    public func validateTogether() throws {
        try CreditSignal.check(weights)
        for sector in sectors {
            try Self.riskCheck.check(sectorRisk[sector] ?? 0, at: ["sector_risk", sector])
        }
        let grades = effectiveBands.labels
        let terms = effectiveTerms
        for grade in grades where terms[grade] == nil {
            // Without `terms:` the defaults name other grades: point at the grades that lack them.
            throw ConfigurationProblem("no terms for grade \(grade)", at: [self.terms == nil ? "bands" : "terms"])
        }
        for grade in terms.keys.sorted() where !grades.contains(grade) {
            throw ConfigurationProblem(
                "terms for unknown grade \"\(grade)\" (grades: \(grades.joined(separator: ", ")))",
                at: ["terms", grade])
        }
    }
}

extension CreditConfiguration: BandedConfiguration {}
