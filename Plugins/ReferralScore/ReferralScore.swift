import ScoreKit

/// The referral module: value beyond the account's own revenue, for deciding which logos to fight for.
///
/// The scored base is every account with a paid invoice on or before the as-of day: a customer by then, so an
/// account created later changes nothing. Referred revenue (direct and second degree) is scaled across the base; an
/// account that referred nobody has 0. Big logo and the lighthouse flags are absolute: a big logo scores 100, a flag
/// answered yes counts its share of the flags. The details say how many accounts it referred and whether it is a big
/// logo.
public enum ReferralScore: ScoreModule {
    public typealias Configuration = ReferralConfiguration

    public static let identifier = "referral"
    public static let summary =
        "Value beyond own revenue: revenue of referred accounts, big-logo status, lighthouse flags"
    public static let staleAfterDays = 31

    public static func facts(for configuration: ReferralConfiguration) -> [FactKey] {
        let window = configuration.windowDays
        var keys: [FactKey] = [
            .tenureDays, .referredAccounts(degree: 1), .referredRevenue(degree: 1, windowDays: window),
            .referredRevenue(degree: 2, windowDays: window),
        ]
        if configuration.bigLogoEmployees != nil { keys.append(.employees) }
        return keys + configuration.lighthouseItems.map { .assessment(item: $0) }
    }

    public static func score(_ facts: FactTable, configuration: ReferralConfiguration) throws -> [ScoredAccount] {
        let window = configuration.windowDays
        let tenure = facts.column(.tenureDays)
        let base = facts.accounts.indices.filter { tenure[$0] != nil }
        func baseColumn(_ key: FactKey) -> [Double?] {
            let column = facts.column(key)
            return base.map { column[$0] }
        }
        let direct = baseColumn(.referredRevenue(degree: 1, windowDays: window)).map { $0 ?? 0 }
        let second = baseColumn(.referredRevenue(degree: 2, windowDays: window)).map { $0 ?? 0 }
        let referred = baseColumn(.referredAccounts(degree: 1))
        let employees = baseColumn(.employees)
        let listed = Set(configuration.bigLogos)
        let bigLogo: [Double] = base.indices.map { row in
            if listed.contains(facts.accounts[base[row]].id) { return 1 }
            guard let tier = configuration.bigLogoEmployees, let size = employees[row] else { return 0 }
            return size >= Double(tier) ? 1 : 0
        }
        let items = configuration.lighthouseItems
        let answers = items.map { baseColumn(.assessment(item: $0)) }
        let flags: [Double] = base.indices.map { row in Double(answers.filter { ($0[row] ?? 0) >= 1 }.count) }

        let raw: [ReferralSignal: [Double]] = [
            .referredRevenue: direct, .secondDegreeRevenue: second, .bigLogo: bigLogo, .lighthouse: flags,
        ]
        let scaled: [ReferralSignal: [Double?]] = [
            .referredRevenue: Normaliser.scale(direct, by: configuration.normalisation),
            .secondDegreeRevenue: Normaliser.scale(second, by: configuration.normalisation),
            .bigLogo: bigLogo.map { $0 * 100 },
            .lighthouse: flags.map { items.isEmpty ? 0 : $0 / Double(items.count) * 100 },
        ]
        let signals = ReferralSignal.allCases
        let none = Array<Double?>(repeating: nil, count: base.count)
        let columns = SignalColumns(
            weights: configuration.effectiveWeights, raw: signals.map { raw[$0] ?? none },
            scaled: signals.map { scaled[$0] ?? none }, manual: signals.map(\.isManual), missing: 0)
        let bands = configuration.effectiveBands

        return base.indices.map { row in
            let components = columns.components(row: row)
            let value = components.total
            return ScoredAccount(
                accountID: facts.accounts[base[row]].id, value: value, band: bands.label(for: value),
                components: components,
                details: [
                    ("referred_accounts", .integer(Int(referred[row] ?? 0))),
                    ("big_logo", .text(bigLogo[row] == 1 ? "yes" : "no")),
                ])
        }
    }
}
