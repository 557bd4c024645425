import ScoreKit

/// Reads the account signals' raw values from the fact columns and scales them to 0-100.
struct AccountFacts {
    let columns: [FactKey: [Double?]]
    let configuration: AccountConfiguration
    /// The number of accounts, each column's length.
    let count: Int

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

    /// A fact's column; all nil when the table lacks it.
    private func column(_ key: FactKey) -> [Double?] { columns[key] ?? Array(repeating: nil, count: count) }

    /// Where each account's committee came from: `contacts` when it has any, else `active_users` (its peak).
    func committeeSources() -> [(name: String, value: DetailValue)] {
        column(.engagedContacts(windowDays: configuration.contactWindowDays)).map {
            ("committee_source", .text($0 != nil ? "contacts" : "active_users"))
        }
    }

    /// One signal's raw value for every account, in row order; nil when there is nothing to read it by.
    ///
    /// Each fact's column is looked up once per signal, not once per account: on M (100k accounts) the lookups by
    /// fact key were a tenth of the account score's time.
    func raw(_ signal: TouchpointSignal) -> [Double?] {
        let halfLife = configuration.halfLifeDays
        let intent = configuration.intentWindowDays
        let engagement = configuration.engagementWindowDays
        func orZero(_ key: FactKey) -> [Double?] { column(key).map { $0 ?? 0 } }
        switch signal {
        case .revenueICP:
            return configuration.profile(.revenueICP).match(columns, count: count)
        case .brandICP:
            return configuration.profile(.brandICP).match(columns, count: count)
        case .productActivity:
            return orZero(.decayedKeyFeatureUses(halfLifeDays: halfLife, windowDays: intent))
        case .breadth:
            let peak = column(.peakActiveUsers(windowDays: engagement))
            return zip(peak, column(.employees)).map { peak, employees in
                guard let employees, employees > 0 else { return nil }
                return (peak ?? 0) / employees
            }
        case .committee:
            let peak = column(.peakActiveUsers(windowDays: engagement))
            let engaged = column(.engagedContacts(windowDays: configuration.contactWindowDays))
            return zip(engaged, peak).map { engaged, peak in engaged ?? peak ?? 0 }
        case .dealActivity:
            return orZero(.decayedExpansions(halfLifeDays: halfLife, windowDays: intent))
        case .wonDeals:
            return orZero(.wonDeals(windowDays: intent))
        case .openPipeline:
            return orZero(.openDealAmount)
        case .promoter, .detractor:
            return column(.latestNPS)
        case .unresolvedTickets:
            return orZero(.unresolvedTickets)
        case .highPriorityTickets:
            return orZero(.highPriorityTickets(windowDays: configuration.ticketWindowDays))
        case .latePayments, .onTimePayments:
            let window = configuration.paymentWindowDays
            let paidOnTime = column(.invoicesPaidOnTime(windowDays: window))
            return zip(column(.invoicesDue(windowDays: window)), paidOnTime).map { due, paidOnTime in
                guard let due, due > 0 else { return nil }
                let onTime = min(due, paidOnTime ?? 0)
                return (signal == .latePayments ? due - onTime : onTime) / due * 100
            }
        case .usageDecline:
            let recentUses = column(.keyFeatureUses(windowDays: engagement))
            return zip(recentUses, column(.keyFeatureUses(windowDays: 2 * engagement))).map { recentUses, bothUses in
                let recent = recentUses ?? 0
                let before = max(0, (bothUses ?? 0) - recent)
                guard before > 0 else { return nil }
                return max(0, before - recent) / before * 100
            }
        case .quietContacts:
            let engaged = column(.engagedContacts(windowDays: configuration.contactWindowDays))
            return zip(column(.knownContacts), engaged).map { known, engaged in
                guard let known, known > 0 else { return nil }
                return max(0, known - (engaged ?? 0)) / known * 100
            }
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
