import ScoreKit

/// Reads the credit signals' raw values from the fact columns.
struct CreditFacts {
    let columns: [FactKey: [Double?]]
    let configuration: CreditConfiguration

    private func fact(_ key: FactKey, _ row: Int) -> Double? { columns[key]?[row] ?? nil }

    /// One signal's raw value for an account; nil when the account has nothing to judge it by.
    func raw(_ signal: CreditSignal, row: Int) -> Double? {
        let window = configuration.windowDays
        switch signal {
        case .lateShare:
            guard let due = fact(.invoicesDue(windowDays: window), row), due > 0 else { return nil }
            return (due - (fact(.invoicesPaidOnTime(windowDays: window), row) ?? 0)) / due * 100
        case .daysLate:
            return fact(.averageDaysLate(windowDays: window), row)
        case .dso:
            // Open balance over the money paid per day; no payments at all counts as the whole window outstanding.
            let open = fact(.openBalance, row) ?? 0
            guard open > 0 else { return 0 }
            let perDay = (fact(.paidAmount(windowDays: window), row) ?? 0) / Double(window)
            return perDay > 0 ? min(Double(window), open / perDay) : Double(window)
        case .uncollectible:
            return fact(.uncollectibleInvoices(windowDays: window), row) ?? 0
        case .openBalance:
            guard let count = fact(.invoicesIssued(windowDays: window), row), count > 0,
                let amount = fact(.invoicedAmount(windowDays: window), row), amount > 0
            else { return 0 }
            return (fact(.openBalance, row) ?? 0) / (amount / count)
        case .companySize:
            return fact(.employees, row)
        case .sectorRisk:
            let sector = configuration.sectors.first { fact(.industry($0), row) == 1 }
            return sector.flatMap { configuration.sectorRisk[$0] } ?? configuration.defaultSectorRisk
        case .failedCharges:
            return fact(.failedCharges(windowDays: window), row)
        case .disputes:
            return fact(.disputedCharges(windowDays: window), row)
        }
    }
}
