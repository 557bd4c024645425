import ScoreKit

/// Reads the churn signals' raw values from the fact columns.
struct ChurnFacts {
    let columns: [FactKey: [Double?]]
    let configuration: ChurnConfiguration

    /// The facts a configuration reads.
    static func keys(for configuration: ChurnConfiguration) -> [FactKey] {
        let usage = configuration.usageWindowDays
        let payments = configuration.paymentWindowDays
        return [
            .currentMRR, .pastMRR(daysBefore: configuration.contractionDays),
            .keyFeatureUses(windowDays: usage), .keyFeatureUses(windowDays: 2 * usage),
            .highPriorityTickets(windowDays: configuration.ticketWindowDays),
            .invoicesDue(windowDays: payments), .invoicesPaidOnTime(windowDays: payments),
            .latestNPS, .daysToNextInvoice,
        ]
    }

    private func fact(_ key: FactKey, _ row: Int) -> Double? { columns[key]?[row] ?? nil }

    /// The scored base: accounts paying something as of the day (a churned account's MRR is 0).
    func base(count: Int) -> [Int] {
        (0..<count).filter { (fact(.currentMRR, $0) ?? 0) > 0 }
    }

    /// One signal's raw value for an account; nil when the account has nothing to judge it by.
    func raw(_ signal: ChurnSignal, row: Int) -> Double? {
        switch signal {
        case .usageTrend:
            let usage = configuration.usageWindowDays
            let recent = fact(.keyFeatureUses(windowDays: usage), row) ?? 0
            let both = fact(.keyFeatureUses(windowDays: 2 * usage), row) ?? 0
            let before = max(0, both - recent)
            // No usage in either window: no trend to read. Usage from nothing counts as the largest rise.
            guard before > 0 else { return recent > 0 ? 100 : nil }
            return min(100, (recent - before) / before * 100)
        case .highPriorityTickets:
            return fact(.highPriorityTickets(windowDays: configuration.ticketWindowDays), row) ?? 0
        case .paymentIssues:
            let window = configuration.paymentWindowDays
            guard let due = fact(.invoicesDue(windowDays: window), row) else { return 0 }
            return max(0, due - (fact(.invoicesPaidOnTime(windowDays: window), row) ?? 0))
        case .detractor:
            return fact(.latestNPS, row).map { $0 <= configuration.detractorMax ? 1 : 0 }
        case .mrrContraction:
            guard let past = fact(.pastMRR(daysBefore: configuration.contractionDays), row), past > 0 else { return 0 }
            let current = fact(.currentMRR, row) ?? 0
            return max(0, (past - current) / past * 100)
        case .renewalNear:
            return fact(.daysToNextInvoice, row).map { min($0, Double(configuration.renewalHorizonDays)) }
        }
    }
}
