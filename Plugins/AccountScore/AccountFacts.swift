import ScoreKit

/// Reads the account signals' raw values from the fact columns and scales them to 0-100.
struct AccountFacts {
    let columns: [FactKey: [Double?]]
    let configuration: AccountConfiguration

    /// The facts a configuration reads: the groups' signals, or those weighted in the journey it scores.
    static func keys(for configuration: AccountConfiguration) -> [FactKey] {
        let signals =
            configuration.selectedJourney.map { $0.leaves.map(\.signal) }
            ?? AccountSignal.allCases.map(\.touchpointSignal)
        var seen: Set<FactKey> = []
        return signals.flatMap { keys(of: $0, configuration) }.filter { seen.insert($0).inserted }
    }

    /// The facts one signal reads.
    static func keys(of signal: TouchpointSignal, _ configuration: AccountConfiguration) -> [FactKey] {
        let halfLife = configuration.halfLifeDays
        let intent = configuration.intentWindowDays
        let engagement = configuration.engagementWindowDays
        switch signal {
        case .revenueICP:
            return configuration.profile(.revenueICP).facts.sorted { $0.description < $1.description }
        case .brandICP:
            return configuration.profile(.brandICP).facts.sorted { $0.description < $1.description }
        case .productActivity: return [.decayedKeyFeatureUses(halfLifeDays: halfLife, windowDays: intent)]
        case .breadth: return [.peakActiveUsers(windowDays: engagement), .employees]
        case .committee:
            let contacts = configuration.contactWindowDays
            return [.engagedContacts(windowDays: contacts), .peakActiveUsers(windowDays: engagement)]
        case .dealActivity: return [.decayedExpansions(halfLifeDays: halfLife, windowDays: intent)]
        case .wonDeals: return [.wonDeals(windowDays: intent)]
        case .openPipeline: return [.openDealAmount]
        case .promoter, .detractor: return [.latestNPS]
        case .unresolvedTickets: return [.unresolvedTickets]
        case .highPriorityTickets: return [.highPriorityTickets(windowDays: configuration.ticketWindowDays)]
        case .latePayments, .onTimePayments:
            let window = configuration.paymentWindowDays
            return [.invoicesDue(windowDays: window), .invoicesPaidOnTime(windowDays: window)]
        case .usageDecline:
            return [.keyFeatureUses(windowDays: engagement), .keyFeatureUses(windowDays: 2 * engagement)]
        case .quietContacts: return [.engagedContacts(windowDays: configuration.contactWindowDays), .knownContacts]
        }
    }

    private func fact(_ key: FactKey, _ row: Int) -> Double? { columns[key]?[row] ?? nil }

    /// Where the account's committee came from: `contacts` when it has any, else `active_users` (its peak).
    func committeeSource(row: Int) -> (name: String, value: DetailValue) {
        let hasContacts = fact(.engagedContacts(windowDays: configuration.contactWindowDays), row) != nil
        return ("committee_source", .text(hasContacts ? "contacts" : "active_users"))
    }

    /// One signal's raw value for an account; nil when there is nothing to read it by.
    func raw(_ signal: TouchpointSignal, row: Int) -> Double? {
        let halfLife = configuration.halfLifeDays
        let intent = configuration.intentWindowDays
        let engagement = configuration.engagementWindowDays
        let peak = fact(.peakActiveUsers(windowDays: engagement), row) ?? 0
        let engaged = fact(.engagedContacts(windowDays: configuration.contactWindowDays), row)
        switch signal {
        case .revenueICP:
            return configuration.profile(.revenueICP).match(row: row, columns)
        case .brandICP:
            return configuration.profile(.brandICP).match(row: row, columns)
        case .productActivity:
            return fact(.decayedKeyFeatureUses(halfLifeDays: halfLife, windowDays: intent), row) ?? 0
        case .breadth:
            guard let employees = fact(.employees, row), employees > 0 else { return nil }
            return peak / employees
        case .committee:
            return engaged ?? peak
        case .dealActivity:
            return fact(.decayedExpansions(halfLifeDays: halfLife, windowDays: intent), row) ?? 0
        case .wonDeals:
            return fact(.wonDeals(windowDays: intent), row) ?? 0
        case .openPipeline:
            return fact(.openDealAmount, row) ?? 0
        case .promoter, .detractor:
            return fact(.latestNPS, row)
        case .unresolvedTickets:
            return fact(.unresolvedTickets, row) ?? 0
        case .highPriorityTickets:
            return fact(.highPriorityTickets(windowDays: configuration.ticketWindowDays), row) ?? 0
        case .latePayments, .onTimePayments:
            let window = configuration.paymentWindowDays
            guard let due = fact(.invoicesDue(windowDays: window), row), due > 0 else { return nil }
            let onTime = min(due, fact(.invoicesPaidOnTime(windowDays: window), row) ?? 0)
            return (signal == .latePayments ? due - onTime : onTime) / due * 100
        case .usageDecline:
            let recent = fact(.keyFeatureUses(windowDays: engagement), row) ?? 0
            let before = max(0, (fact(.keyFeatureUses(windowDays: 2 * engagement), row) ?? 0) - recent)
            guard before > 0 else { return nil }
            return max(0, before - recent) / before * 100
        case .quietContacts:
            guard let known = fact(.knownContacts, row), known > 0 else { return nil }
            return max(0, known - (engaged ?? 0)) / known * 100
        }
    }

    /// A signal's raw values for the base scaled to 0-100; nil scores `Normaliser.constantValue` (unknown).
    ///
    /// An NPS flag, late payments or a usage decline the data does not show counts as none (0); a breadth without
    /// employees, quiet contacts without contacts or on-time payments without an invoice due are unknown.
    func scaled(_ signal: TouchpointSignal, _ values: [Double?]) -> [Double?] {
        if signal.scaling == .acrossBase { return Normaliser.scale(values, by: configuration.normalisation) }
        let size = configuration.committeeSize
        switch signal {
        case .committee:
            return values.map { $0.map { min($0, size) / size * 100 } }
        case .promoter:
            return values.map { $0.map { $0 >= configuration.promoterMin ? 100 : 0 } ?? 0 }
        case .detractor:
            return values.map { $0.map { $0 <= configuration.detractorMax ? 100 : 0 } ?? 0 }
        case .latePayments, .usageDecline:
            return values.map { $0 ?? 0 }
        default:
            return values
        }
    }
}
