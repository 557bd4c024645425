import ScoreKit

/// The health module: product adoption and relationship health, for renewal management (seed 004).
///
/// The scored base is every account with an invoice due in the renewal window, less those whose MRR as of the day is
/// 0 (a cancelled subscription has nothing left to renew). Each signal is scaled across the base (min-max or
/// percentile), support is turned around (more tickets is worse), and the weights are percentages of the score, so no
/// signal can add more than its weight, however large its raw numbers. The band's playbook is the detail `playbook`.
public enum HealthScore: ScoreModule {
    public typealias Configuration = HealthConfiguration

    public static let identifier = "health"
    public static let summary =
        "Adoption and relationship health for renewals: renewal behaviour, key-feature usage, support"
    public static let staleAfterDays = 7

    public static func facts(for configuration: HealthConfiguration) -> [FactKey] {
        let renewal = configuration.renewalWindowDays
        let usage = configuration.usageWindowDays
        let weighted = Set(configuration.effectiveWeights.filter { $0.weight > 0 }.map(\.name))
        // The optional signals' facts only when they weigh something: each is another query.
        var keys: [FactKey] = [
            .invoicesDue(windowDays: renewal), .invoicesPaidOnTime(windowDays: renewal), .currentMRR,
            .keyFeatureUses(windowDays: usage), .averageActiveUsers(windowDays: usage),
            .unresolvedTickets, .highPriorityTickets(windowDays: configuration.ticketWindowDays),
        ]
        if weighted.contains(HealthSignal.nps.rawValue) { keys.append(.latestNPS) }
        if weighted.contains(HealthSignal.activeUsersRatio.rawValue) { keys.append(.employees) }
        return keys
    }

    public static func score(_ facts: FactTable, configuration: HealthConfiguration) throws -> [ScoredAccount] {
        let due = facts.column(.invoicesDue(windowDays: configuration.renewalWindowDays))
        let mrr = facts.column(.currentMRR)
        let base = facts.accounts.indices.filter { (due[$0] ?? 0) > 0 && mrr[$0] != 0 }
        // Each column read once: a missing column is built afresh on every read.
        let columns = Dictionary(uniqueKeysWithValues: Self.facts(for: configuration).map { ($0, facts.column($0)) })
        let raw = HealthSignal.allCases.map { signal in base.map { rawValue(signal, row: $0, columns, configuration) } }
        // A signal with a point grid is scored by its absolute thresholds (the grid's points already say which way is
        // good); the others are scaled across the base.
        let scaled = zip(HealthSignal.allCases, raw).map { signal, values in
            configuration.grids[signal.rawValue]?.scale(values)
                ?? signal.scale(values, by: configuration.normalisation)
        }
        // An account without the fact (no NPS answer yet) neither gains nor loses.
        let signals = SignalColumns(
            weights: configuration.effectiveWeights, raw: raw, scaled: scaled, missing: Normaliser.constantValue)
        let bands = configuration.effectiveBands
        let playbooks = configuration.effectivePlaybooks

        return base.indices.map { row in
            let components = signals.components(row: row)
            let value = components.total
            let band = bands.label(for: value)
            return ScoredAccount(
                accountID: facts.accounts[base[row]].id, value: value, band: band, components: components,
                details: [("playbook", .text(playbooks[band] ?? ""))])
        }
    }

    /// One signal's raw value for an account; no usage or no tickets count as 0, no NPS answer stays unknown.
    static func rawValue(
        _ signal: HealthSignal, row: Int, _ columns: [FactKey: [Double?]], _ configuration: HealthConfiguration
    ) -> Double? {
        func fact(_ key: FactKey) -> Double? { columns[key]?[row] ?? nil }
        let usage = configuration.usageWindowDays
        switch signal {
        case .renewal:
            guard let due = fact(.invoicesDue(windowDays: configuration.renewalWindowDays)), due > 0 else { return nil }
            return (fact(.invoicesPaidOnTime(windowDays: configuration.renewalWindowDays)) ?? 0) / due * 100
        case .featureUsage:
            guard let users = fact(.averageActiveUsers(windowDays: usage)), users > 0 else { return 0 }
            return (fact(.keyFeatureUses(windowDays: usage)) ?? 0) / users
        case .support:
            return (fact(.unresolvedTickets) ?? 0)
                + (fact(.highPriorityTickets(windowDays: configuration.ticketWindowDays)) ?? 0)
        case .nps:
            return fact(.latestNPS)
        case .activeUsersRatio:
            guard let employees = fact(.employees), employees > 0 else { return nil }
            return (fact(.averageActiveUsers(windowDays: usage)) ?? 0) / employees
        }
    }
}
