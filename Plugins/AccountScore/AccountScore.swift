import ScoreKit

/// The account module: B2B fit, intent and engagement as weighted groups, for prioritising accounts (ABM, expansion).
///
/// Seed 002's multi-tier model: group weights sum to 100, and the signals inside each group sum to 100 again, so a
/// signal's share of the score is its group's weight times its own / 100; explain shows each leaf as
/// `group.signal` with that share as its weight. The scored base is every account, prospects too. ICP matches (0-100
/// by the profile's rules) and the committee (active users against `committee_size`) are absolute and used as they
/// are; activity and breadth are scaled across the base. No activity counts as none (0); breadth without an employee
/// count neither gains nor loses (50). The details give the grade of each ICP.
public enum AccountScore: ScoreModule {
    public typealias Configuration = AccountConfiguration

    public static let identifier = "account"
    public static let summary =
        "Account priority for ABM and expansion: ICP fit (revenue, brand), decayed intent, committee"
    public static let staleAfterDays = 7

    public static func facts(for configuration: AccountConfiguration) -> [FactKey] {
        AccountFacts.keys(for: configuration)
    }

    public static func score(
        _ facts: FactTable, configuration: AccountConfiguration
    ) throws -> [ScoreKit.AccountScore] {
        let reader = AccountFacts(
            columns: Dictionary(uniqueKeysWithValues: Self.facts(for: configuration).map { ($0, facts.column($0)) }),
            configuration: configuration)
        let base = Array(facts.accounts.indices)
        let raw = AccountSignal.allCases.map { signal in base.map { reader.raw(signal, row: $0) } }
        let scaled = zip(AccountSignal.allCases, raw).map { signal, values -> [Double?] in
            switch signal {
            case .revenueICP, .brandICP:
                return values
            case .committee:
                return values.map {
                    $0.map { min($0, configuration.committeeSize) / configuration.committeeSize * 100 }
                }
            case .productActivity, .dealActivity, .breadth:
                return Normaliser.scale(values, by: configuration.normalisation)
            }
        }
        let signals = SignalColumns(
            weights: configuration.effectiveShares, raw: raw, scaled: scaled, missing: Normaliser.constantValue)
        let bands = configuration.effectiveBands
        let revenueGrades = configuration.profile(.revenueICP).effectiveGrades
        let brandGrades = configuration.profile(.brandICP).effectiveGrades
        let revenue = AccountSignal.allCases.firstIndex(of: .revenueICP) ?? 0
        let brand = AccountSignal.allCases.firstIndex(of: .brandICP) ?? 1

        return base.indices.map { row in
            let components = signals.components(row: row)
            let value = components.total
            return ScoreKit.AccountScore(
                accountID: facts.accounts[base[row]].id, value: value, band: bands.label(for: value),
                components: components,
                details: [
                    ("revenue_icp_grade", .text(revenueGrades.label(for: raw[revenue][row] ?? 0))),
                    ("brand_icp_grade", .text(brandGrades.label(for: raw[brand][row] ?? 0))),
                ])
        }
    }
}
