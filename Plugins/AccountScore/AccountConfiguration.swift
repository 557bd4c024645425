import ScoreKit

/// Settings of an account score: group weights, signal weights per group, the two ICPs, decay and engagement; or the
/// journey it scores, with its touchpoints.
public struct AccountConfiguration: ModuleConfiguration, Equatable {
    /// The journey the score scores (`expansion`, `attrition` or one under `journeys`); nil for the groups.
    @Setting(
        "journey",
        help: "the journey scored: expansion, attrition (a risk) or one under journeys; unset for the groups below")
    public var journey: String? = nil
    /// Journeys added or replacing the standard ones, by name.
    @Setting("journeys", help: AccountConfiguration.journeysHelp) public var journeys: [String: Journey]? = nil
    /// Group weights in percent (fit, intent, engagement); nil for 40/30/30.
    @Setting("groups", help: "group: percent, summing to 100", whenUnset: AccountGroup.defaultWeightsText())
    public var groups: [String: Double]? = nil
    /// Signal weights per group, each group's summing to 100; a group left out keeps its defaults.
    @Setting(
        "weights", help: "group: {signal: percent}, each group summing to 100",
        whenUnset: AccountConfiguration.defaultWeightsText)
    public var weights: [String: [String: Double]]? = nil
    /// The ideal customer profiles by kind (`revenue_icp`, `brand_icp`); a kind left out keeps its default.
    @Setting(
        "icp",
        help: "revenue_icp / brand_icp: {industries: [...], employees: low-high, countries: [...], "
            + "weights: {\(ProfileCriterion.defaultWeightsText())}, "
            + "grades: {\(IdealCustomerProfile.standardGrades.defaultText)}}")
    public var icp: [String: IdealCustomerProfile]? = nil
    /// Days in which intent halves.
    @Setting("half_life_days", help: "days in which intent halves", check: .positiveDays) public var halfLifeDays = 30
    /// Days of activity that count as intent at all.
    @Setting("intent_window_days", help: "days of activity that count as intent", check: .positiveDays)
    public var intentWindowDays = 90
    /// Days of usage in which the peak of active users counts as engagement.
    @Setting(
        "engagement_window_days",
        help: "days of usage whose peak active users count, and of each window of usage_decline", check: .positiveDays)
    public var engagementWindowDays = 30
    /// Days in which a contact's last activity makes them engaged.
    @Setting(
        "contact_window_days", help: "days in which a contact's last activity makes them engaged", check: .positiveDays)
    public var contactWindowDays = 90
    /// Engaged contacts that make a full buying committee (B2B deals involve 6-10 people).
    @Setting(
        "committee_size",
        help: "engaged contacts (active users for an account without contacts) that make a full committee",
        check: SettingCheck { $0 >= 1 ? nil : "must be at least 1 contact, got \($0)" })
    public var committeeSize = 6.0
    /// Days in which high-priority tickets count.
    @Setting("ticket_window_days", help: "days in which high-priority tickets count", check: .positiveDays)
    public var ticketWindowDays = 90
    /// Days of invoices whose late payment counts.
    @Setting("payment_window_days", help: "days of invoices whose late payment counts", check: .positiveDays)
    public var paymentWindowDays = 180
    /// The highest NPS answer that counts as a detractor.
    @Setting("detractor_max", help: "highest NPS answer that counts as a detractor") public var detractorMax = 6.0
    /// The lowest NPS answer that counts as a promoter.
    @Setting("promoter_min", help: "lowest NPS answer that counts as a promoter") public var promoterMin = 9.0
    /// How the signals scaled across the base (activity, breadth, deals, tickets) are scaled.
    @Setting("normalisation", help: "signals scaled across the base") public var normalisation = Normalisation.minMax
    /// Priority bands; nil for Tier 1 70-100, Tier 2 40-69, Tier 3 0-39.
    @Setting(
        "bands", help: "label: low-high, or low-high% for shares of the base",
        whenUnset: AccountConfiguration.standardBands.defaultText + "; a journey "
            + StandardJourneys.bands.defaultText + ", a risk journey " + StandardJourneys.riskBands.defaultText)
    public var bands: Bands? = nil

    /// The default priority tiers.
    public static let standardBands = Bands.floors([("Tier 1", 70), ("Tier 2", 40), ("Tier 3", 0)])

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

    /// The default signal weights of each group, as the help says them: `fit {revenue_icp 70, brand_icp 30}, ...`.
    static var defaultWeightsText: String {
        AccountGroup.allCases.map { "\($0.rawValue) {\(AccountSignal.defaultWeightsText(among: $0.signals))}" }
            .joined(separator: ", ")
    }

    /// What `journeys` takes, and the standard journeys it replaces or adds to.
    static var journeysHelp: String {
        "name: {risk: true/false, touchpoints: {name: {weight: percent, signals: {signal: percent}}}}, touchpoints "
            + "summing to 100 and each one's signals to 100, a signal in one touchpoint only; replaces or adds to "
            + "expansion {\(StandardJourneys.expansion.weightsText)} and attrition "
            + "{\(StandardJourneys.attrition.weightsText)}; signals: "
            + TouchpointSignal.allCases.map(\.rawValue).joined(separator: ", ")
    }

    /// The group weights in force, in group order.
    public var effectiveGroupWeights: [(name: String, weight: Double)] { AccountGroup.weights(groups) }

    /// The signal weights in force inside a group, in signal order.
    public func effectiveWeights(in group: AccountGroup) -> [(name: String, weight: Double)] {
        AccountSignal.weights(weights?[group.rawValue], among: group.signals)
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

    public func validateTogether() throws {
        try validateJourneys()
        try AccountGroup.check(groups, at: ["groups"])
        let groupNames = AccountGroup.allCases.map(\.rawValue)
        for (name, configured) in (weights ?? [:]).sorted(by: { $0.key < $1.key }) {
            guard let group = AccountGroup(rawValue: name) else {
                throw ConfigurationProblem(
                    "unknown group \"\(name)\" (known: \(groupNames.joined(separator: ", ")))", at: ["weights", name])
            }
            try AccountSignal.check(
                configured, among: group.signals, at: ["weights", name], scope: " in group \(name)")
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
