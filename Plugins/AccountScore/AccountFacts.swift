import ScoreKit

/// Reads the account signals' raw values from the fact columns.
struct AccountFacts {
    let columns: [FactKey: [Double?]]
    let configuration: AccountConfiguration

    /// The facts a configuration reads: the profiles' attributes, decayed activity and peak active users.
    static func keys(for configuration: AccountConfiguration) -> [FactKey] {
        let profiles = [configuration.profile(.revenueICP), configuration.profile(.brandICP)]
        let attributes = Set(profiles.flatMap(\.facts)).sorted { $0.description < $1.description }
        let halfLife = configuration.halfLifeDays
        let intent = configuration.intentWindowDays
        return attributes + [
            .decayedKeyFeatureUses(halfLifeDays: halfLife, windowDays: intent),
            .decayedExpansions(halfLifeDays: halfLife, windowDays: intent),
            .peakActiveUsers(windowDays: configuration.engagementWindowDays),
        ]
    }

    private func fact(_ key: FactKey, _ row: Int) -> Double? { columns[key]?[row] ?? nil }

    /// One signal's raw value for an account.
    func raw(_ signal: AccountSignal, row: Int) -> Double? {
        let halfLife = configuration.halfLifeDays
        let intent = configuration.intentWindowDays
        let peak = fact(.peakActiveUsers(windowDays: configuration.engagementWindowDays), row) ?? 0
        switch signal {
        case .revenueICP, .brandICP:
            return configuration.profile(signal).match(row: row, columns)
        case .productActivity:
            return fact(.decayedKeyFeatureUses(halfLifeDays: halfLife, windowDays: intent), row) ?? 0
        case .dealActivity:
            return fact(.decayedExpansions(halfLifeDays: halfLife, windowDays: intent), row) ?? 0
        case .committee:
            return peak
        case .breadth:
            guard let employees = fact(.employees, row), employees > 0 else { return nil }
            return peak / employees
        }
    }
}
