import ScoreKit

/// The account module: B2B fit, intent and engagement as weighted groups, for prioritising accounts (ABM, expansion);
/// or one customer journey (expansion, attrition) as weighted touchpoints.
///
/// Seed 002's multi-tier model: group weights sum to 100, and the signals inside each group sum to 100 again, so a
/// signal's share of the score is its group's weight times its own / 100; explain shows each leaf as
/// `group.signal` with that share as its weight. The scored base is every account, prospects too. ICP matches (0-100
/// by the profile's rules) and the committee (engaged contacts against `committee_size`; active users for an account
/// without contacts) are absolute and used as they are; activity and breadth are scaled across the base. No activity
/// counts as none (0); breadth without an employee count neither gains nor loses (50). The details give the grade of
/// each ICP and where the committee came from. With `journey:` the tiers are journey, touchpoint and signal instead
/// (`JourneyScorer`).
public enum AccountScore: ScoreModule {
    public typealias Configuration = AccountConfiguration

    public static let identifier = "account"
    public static let summary =
        "Account priority for ABM and expansion: ICP fit, decayed intent, committee; or a journey's touchpoints"
    public static let staleAfterDays = 7

    public static func facts(for configuration: AccountConfiguration) -> [FactKey] {
        AccountFacts.keys(for: configuration)
    }

    public static func score(
        _ facts: FactTable, configuration: AccountConfiguration
    ) throws -> [ScoredAccount] {
        let reader = AccountFacts(
            columns: Dictionary(uniqueKeysWithValues: Self.facts(for: configuration).map { ($0, facts.column($0)) }),
            configuration: configuration, count: facts.accounts.count)
        if let name = configuration.journey, let journey = configuration.selectedJourney {
            return JourneyScorer(name: name, journey: journey, reader: reader).score(facts)
        }
        let base = Array(facts.accounts.indices)
        let signals = AccountSignal.allCases.map(\.touchpointSignal)
        let raw = signals.map(reader.raw)
        let scaled = zip(signals, raw).map { reader.scaled($0, $1) }
        let columns = SignalColumns(
            weights: configuration.effectiveShares, raw: raw, scaled: scaled, missing: Normaliser.constantValue)
        let bands = configuration.effectiveBands
        let revenueGrades = configuration.profile(.revenueICP).effectiveGrades
        let brandGrades = configuration.profile(.brandICP).effectiveGrades
        let revenue = AccountSignal.allCases.firstIndex(of: .revenueICP) ?? 0
        let brand = AccountSignal.allCases.firstIndex(of: .brandICP) ?? 1
        let weighsCommittee = configuration.effectiveShares.contains {
            $0.name == "engagement.committee" && $0.weight > 0
        }
        let committeeSources = weighsCommittee ? reader.committeeSources() : []

        return bands.relabel(
            base.indices.map { row in
                let components = columns.components(row: row)
                let value = components.total
                var details: [(name: String, value: DetailValue)] = [
                    ("revenue_icp_grade", .text(revenueGrades.label(for: raw[revenue][row] ?? 0))),
                    ("brand_icp_grade", .text(brandGrades.label(for: raw[brand][row] ?? 0))),
                ]
                if weighsCommittee { details.append(committeeSources[base[row]]) }
                return ScoredAccount(
                    accountID: facts.accounts[base[row]].id, value: value, band: bands.label(for: value),
                    components: components, details: details)
            })
    }
}
