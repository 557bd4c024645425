import ScoreKit

/// Settings of an account score: group weights, signal weights per group, the two ICPs, decay and engagement; or the
/// journey it scores, with its touchpoints.
public struct AccountConfiguration: ModuleConfiguration, Equatable {
    /// The journey the score scores (`expansion`, `attrition` or one under `journeys`); nil for the groups.
    public var journey: String?
    /// Journeys added or replacing the standard ones, by name.
    public var journeys: [String: Journey]?
    /// Group weights in percent (fit, intent, engagement); nil for 40/30/30.
    public var groups: [String: Double]?
    /// Signal weights per group, each group's summing to 100; a group left out keeps its defaults.
    public var weights: [String: [String: Double]]?
    /// The ideal customer profiles by kind (`revenue_icp`, `brand_icp`); a kind left out keeps its default.
    public var icp: [String: IdealCustomerProfile]?
    /// Days in which intent halves.
    public var halfLifeDays = 30
    /// Days of activity that count as intent at all.
    public var intentWindowDays = 90
    /// Days of usage in which the peak of active users counts as engagement.
    public var engagementWindowDays = 30
    /// Days in which a contact's last activity makes them engaged.
    public var contactWindowDays = 90
    /// Engaged contacts that make a full buying committee (B2B deals involve 6-10 people).
    public var committeeSize = 6.0
    /// Days in which high-priority tickets count.
    public var ticketWindowDays = 90
    /// Days of invoices whose late payment counts.
    public var paymentWindowDays = 180
    /// The highest NPS answer that counts as a detractor.
    public var detractorMax = 6.0
    /// The lowest NPS answer that counts as a promoter.
    public var promoterMin = 9.0
    /// How the signals scaled across the base (activity, breadth, deals, tickets) are scaled.
    public var normalisation: Normalisation = .minMax
    /// Priority bands; nil for Tier 1 70-100, Tier 2 40-69, Tier 3 0-39.
    public var bands: Bands?

    /// The default priority tiers.
    public static let standardBands = Bands(trusted: [
        Band("Tier 3", 0, 39), Band("Tier 2", 40, 69), Band("Tier 1", 70, 100),
    ])

    /// The default profiles: a revenue ICP of mid-sized software and fintech companies in four markets, and a
    /// brand-equity ICP of large healthcare, education and media names anywhere.
    public static let standardProfiles: [String: IdealCustomerProfile] = [
        AccountSignal.revenueICP.rawValue: IdealCustomerProfile(
            industries: ["software", "fintech"], employees: EmployeeRange(50, 5_000),
            countries: ["US", "GB", "DE", "NL"]),
        AccountSignal.brandICP.rawValue: IdealCustomerProfile(
            industries: ["healthcare", "education", "media"], employees: EmployeeRange(1_000, 50_000)),
    ]

    public init() {}

    public static let settings: [Setting] = [
        Setting(
            "journey",
            "the journey scored: expansion, attrition (a risk) or one under journeys; unset for the groups below"),
        Setting(
            "journeys",
            "name: {risk: true/false, touchpoints: {name: {weight: percent, signals: {signal: percent}}}}, touchpoints "
                + "summing to 100 and each one's signals to 100, a signal in one touchpoint only; replaces or adds to "
                + "expansion {adoption 35, relationship 25, hand_raisers 25, fit 15} and attrition {complaints 30, "
                + "payment_friction 25, going_quiet 25, detraction 20}; signals: "
                + TouchpointSignal.allCases.map(\.rawValue).joined(separator: ", ")),
        Setting("groups", "group: percent, summing to 100 (default fit 40, intent 30, engagement 30)"),
        Setting(
            "weights",
            "group: {signal: percent}, each group summing to 100 (default fit {revenue_icp 70, brand_icp 30}, "
                + "intent {product_activity 70, deal_activity 30}, engagement {committee 80, breadth 20})"
        ),
        Setting(
            "icp",
            "revenue_icp / brand_icp: {industries: [...], employees: low-high, countries: [...], "
                + "weights: {industry 40, employees 40, country 20}, grades: {A: 75-100, B: 50-74, C: 25-49, D: 0-24}}"
        ),
        Setting("half_life_days", "days in which intent halves (default 30)"),
        Setting("intent_window_days", "days of activity that count as intent (default 90)"),
        Setting(
            "engagement_window_days",
            "days of usage whose peak active users count, and of each window of usage_decline (default 30)"),
        Setting("contact_window_days", "days in which a contact's last activity makes them engaged (default 90)"),
        Setting(
            "committee_size",
            "engaged contacts (active users for an account without contacts) that make a full committee (default 6)"),
        Setting("ticket_window_days", "days in which high-priority tickets count (default 90)"),
        Setting("payment_window_days", "days of invoices whose late payment counts (default 180)"),
        Setting("detractor_max", "highest NPS answer that counts as a detractor (default 6)"),
        Setting("promoter_min", "lowest NPS answer that counts as a promoter (default 9)"),
        Setting("normalisation", "min-max (default) or percentile, for the signals scaled across the base"),
        Setting(
            "bands",
            "label: low-high, or low-high% for shares of the base (default Tier 1 70-100, Tier 2 40-69, Tier 3 0-39; "
                + "a journey Tier 1 90-100%, Tier 2 70-89%, Tier 3 0-69%, a risk journey High 90-100%, Medium 70-89%, "
                + "Low 0-69%)"),
    ]

    enum CodingKeys: String, CodingKey {
        case journey, journeys, groups, weights, icp, normalisation, bands
        case halfLifeDays = "half_life_days"
        case intentWindowDays = "intent_window_days"
        case engagementWindowDays = "engagement_window_days"
        case contactWindowDays = "contact_window_days"
        case committeeSize = "committee_size"
        case ticketWindowDays = "ticket_window_days"
        case paymentWindowDays = "payment_window_days"
        case detractorMax = "detractor_max"
        case promoterMin = "promoter_min"
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        journey = try container.decodeIfPresent(String.self, forKey: .journey)
        journeys = try container.decodeIfPresent([String: Journey].self, forKey: .journeys)
        groups = try container.decodeIfPresent([String: Double].self, forKey: .groups)
        weights = try container.decodeIfPresent([String: [String: Double]].self, forKey: .weights)
        icp = try container.decodeIfPresent([String: IdealCustomerProfile].self, forKey: .icp)
        halfLifeDays = try container.decodeIfPresent(Int.self, forKey: .halfLifeDays) ?? 30
        intentWindowDays = try container.decodeIfPresent(Int.self, forKey: .intentWindowDays) ?? 90
        engagementWindowDays = try container.decodeIfPresent(Int.self, forKey: .engagementWindowDays) ?? 30
        committeeSize = try container.decodeIfPresent(Double.self, forKey: .committeeSize) ?? 6
        // The defaults are the properties' own, written once.
        contactWindowDays = try container.decodeIfPresent(Int.self, forKey: .contactWindowDays) ?? contactWindowDays
        ticketWindowDays = try container.decodeIfPresent(Int.self, forKey: .ticketWindowDays) ?? ticketWindowDays
        paymentWindowDays = try container.decodeIfPresent(Int.self, forKey: .paymentWindowDays) ?? paymentWindowDays
        detractorMax = try container.decodeIfPresent(Double.self, forKey: .detractorMax) ?? detractorMax
        promoterMin = try container.decodeIfPresent(Double.self, forKey: .promoterMin) ?? promoterMin
        normalisation = try container.decodeIfPresent(Normalisation.self, forKey: .normalisation) ?? .minMax
        bands = try container.decodeIfPresent(Bands.self, forKey: .bands)
    }

    /// The group weights in force, in group order.
    public var effectiveGroupWeights: [(name: String, weight: Double)] {
        AccountGroup.allCases.map { group in
            (group.rawValue, groups.map { $0[group.rawValue] ?? 0 } ?? group.defaultWeight)
        }
    }

    /// The signal weights in force inside a group, in signal order.
    public func effectiveWeights(in group: AccountGroup) -> [(name: String, weight: Double)] {
        let configured = weights?[group.rawValue]
        return group.signals.map { signal in
            (signal.rawValue, configured.map { $0[signal.rawValue] ?? 0 } ?? signal.defaultWeight)
        }
    }

    /// Every signal's share of the whole score (group weight x weight in the group / 100), in `AccountSignal` order.
    public var effectiveShares: [(name: String, weight: Double)] {
        let groupWeights = Dictionary(uniqueKeysWithValues: effectiveGroupWeights.map { ($0.name, $0.weight) })
        return AccountSignal.allCases.map { signal in
            let inner = effectiveWeights(in: signal.group).first { $0.name == signal.rawValue }?.weight ?? 0
            return (
                "\(signal.group.rawValue).\(signal.rawValue)", (groupWeights[signal.group.rawValue] ?? 0) * inner / 100
            )
        }
    }

    /// The profile in force for an ICP signal.
    public func profile(_ kind: AccountSignal) -> IdealCustomerProfile {
        icp?[kind.rawValue] ?? Self.standardProfiles[kind.rawValue] ?? IdealCustomerProfile()
    }

    /// The bands in force: the configured ones, else the journey's by share of the base, else the groups' tiers.
    public var effectiveBands: Bands {
        if let bands { return bands }
        guard let journey = selectedJourney else { return Self.standardBands }
        return journey.isRisk ? StandardJourneys.riskBands : StandardJourneys.bands
    }

    public var signals: [SignalSpec] {
        if let journey, let selected = selectedJourney {
            return selected.leaves.map { SignalSpec(name: $0.name(in: journey), share: $0.share) }
        }
        return effectiveShares.filter { $0.weight > 0 }.map { SignalSpec(name: $0.name, share: $0.weight) }
    }

    public func validate() throws {
        let windows = [
            ("half_life_days", halfLifeDays), ("intent_window_days", intentWindowDays),
            ("engagement_window_days", engagementWindowDays), ("contact_window_days", contactWindowDays),
            ("ticket_window_days", ticketWindowDays), ("payment_window_days", paymentWindowDays),
        ]
        for (key, days) in windows where days <= 0 {
            throw ConfigurationProblem("must be a positive number of days, got \(days)", at: [key])
        }
        guard committeeSize >= 1 else {
            throw ConfigurationProblem("must be at least 1 contact, got \(committeeSize)", at: ["committee_size"])
        }
        try validateJourneys()
        let groupNames = AccountGroup.allCases.map(\.rawValue)
        if let groups {
            try Weights.check(configured: groups, known: groupNames, inForce: effectiveGroupWeights, at: ["groups"])
        }
        for (name, configured) in (weights ?? [:]).sorted(by: { $0.key < $1.key }) {
            guard let group = AccountGroup(rawValue: name) else {
                throw ConfigurationProblem(
                    "unknown group \"\(name)\" (known: \(groupNames.joined(separator: ", ")))", at: ["weights", name])
            }
            try Weights.check(
                configured: configured, known: group.signals.map(\.rawValue), inForce: effectiveWeights(in: group),
                at: ["weights", name], scope: " in group \(name)")
        }
        let kinds = [AccountSignal.revenueICP.rawValue, AccountSignal.brandICP.rawValue]
        for (kind, profile) in (icp ?? [:]).sorted(by: { $0.key < $1.key }) {
            guard kinds.contains(kind) else {
                throw ConfigurationProblem(
                    "unknown ICP kind \"\(kind)\" (known: \(kinds.joined(separator: ", ")))", at: ["icp", kind])
            }
            try profile.validate(at: ["icp", kind])
        }
    }
}

extension AccountConfiguration: BandedConfiguration {}
