import ScoreKit

/// Settings of a credit score: weights, normalisation, grade bands and their terms, the sector risk table and window.
public struct CreditConfiguration: ModuleConfiguration, Equatable {
    /// Signal weights in percent; nil for the defaults.
    public var weights: [String: Double]?
    /// How signals are scaled across the base.
    public var normalisation: Normalisation = .minMax
    /// Grade thresholds; nil for A-E in steps of 20.
    public var bands: Bands?
    /// Suggested terms per grade; nil for the defaults.
    public var terms: [String: String]?
    /// Risk 0-100 per industry.
    public var sectorRisk: [String: Double] = [:]
    /// Risk of an industry not listed, or unknown.
    public var defaultSectorRisk = 50.0
    /// Days of invoices for the payment signals.
    public var windowDays = 365

    /// Grades A-E in steps of 20.
    public static let standardBands = Bands(trusted: [
        Band("E", 0, 19), Band("D", 20, 39), Band("C", 40, 59), Band("B", 60, 79), Band("A", 80, 100),
    ])

    /// The suggested payment terms per grade.
    public static let standardTerms = ["A": "net 60", "B": "net 45", "C": "net 30", "D": "net 15", "E": "prepay"]

    public init() {}

    public static let settings: [Setting] = [
        Setting(
            "weights",
            "signal: percent, summing to 100 (default late_share 20, days_late 15, dso 15, uncollectible 15, "
                + "open_balance 10, company_size 10, sector_risk 15; failed_charges and disputes, from synced "
                + "charges, 0 unless given)"
        ),
        Setting("normalisation", "min-max (default) or percentile"),
        Setting("bands", "grade: low-high (default A 80-100, B 60-79, C 40-59, D 20-39, E 0-19)"),
        Setting(
            "terms",
            "grade: suggested terms, one per grade (default A net 60, B net 45, C net 30, D net 15, E prepay)"),
        Setting("sector_risk", "industry: risk 0-100, more is riskier (default: none listed)"),
        Setting("default_sector_risk", "risk 0-100 of an industry not in sector_risk, or unknown (default 50)"),
        Setting("window_days", "days of invoices for the payment signals (default 365)"),
    ]

    enum CodingKeys: String, CodingKey {
        case weights, normalisation, bands, terms
        case sectorRisk = "sector_risk"
        case defaultSectorRisk = "default_sector_risk"
        case windowDays = "window_days"
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        weights = try container.decodeIfPresent([String: Double].self, forKey: .weights)
        normalisation = try container.decodeIfPresent(Normalisation.self, forKey: .normalisation) ?? .minMax
        bands = try container.decodeIfPresent(Bands.self, forKey: .bands)
        terms = try container.decodeIfPresent([String: String].self, forKey: .terms)
        sectorRisk = try container.decodeIfPresent([String: Double].self, forKey: .sectorRisk) ?? [:]
        defaultSectorRisk = try container.decodeIfPresent(Double.self, forKey: .defaultSectorRisk) ?? 50
        windowDays = try container.decodeIfPresent(Int.self, forKey: .windowDays) ?? 365
    }

    /// The weights in force, in signal order: the configured ones (a signal left out weighs 0), or the defaults.
    public var effectiveWeights: [(name: String, weight: Double)] {
        CreditSignal.allCases.map { signal in
            (signal.rawValue, weights.map { $0[signal.rawValue] ?? 0 } ?? signal.defaultWeight)
        }
    }

    /// The grade bands in force.
    public var effectiveBands: Bands { bands ?? Self.standardBands }

    /// The terms in force, by grade.
    public var effectiveTerms: [String: String] { terms ?? Self.standardTerms }

    /// The listed sectors, sorted, so a run reads them in a stable order.
    public var sectors: [String] { sectorRisk.keys.sorted() }

    public var signals: [SignalSpec] {
        effectiveWeights.filter { $0.weight > 0 }.map { SignalSpec(name: $0.name, share: $0.weight) }
    }

    public func validate() throws {
        guard windowDays > 0 else {
            throw ConfigurationProblem("must be a positive number of days, got \(windowDays)", at: ["window_days"])
        }
        if let weights {
            try Weights.check(
                configured: weights, known: CreditSignal.allCases.map(\.rawValue), inForce: effectiveWeights, at: ["weights"])
        }
        for sector in sectors where !(0...100).contains(sectorRisk[sector] ?? 0) {
            throw ConfigurationProblem(
                "risk must be 0-100, got \(Self.text(sectorRisk[sector] ?? 0))", at: ["sector_risk", sector])
        }
        guard (0...100).contains(defaultSectorRisk) else {
            throw ConfigurationProblem(
                "risk must be 0-100, got \(Self.text(defaultSectorRisk))", at: ["default_sector_risk"])
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

    /// A number as people write it: 60, not 60.0.
    private static func text(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}

extension CreditConfiguration: BandedConfiguration {}
