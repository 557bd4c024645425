import Foundation
import Testing

@testable import Host

/// A configuration and the one line it must be refused with.
struct ConfigCase: CustomTestStringConvertible, Sendable {
    let id: String
    let yaml: String
    let message: String
    var testDescription: String { id }
}

private let cases: [ConfigCase] = [
    ConfigCase(
        id: "a point grid with a gap",
        yaml: """
            scores:
              health:
                module: health
                grids:
                  support: {"0": 100, "2-3": 50, "4+": 0}
            """,
        message: #"test.yml:5: score "health": ranges leave a gap between 0 and 2-3"#),
    ConfigCase(
        id: "weights that do not sum to 100",
        yaml: """
            scores:
              contract:
                module: value
                method: contract
                weights: {lifetime_revenue: 30, acv: 30, cagr: 20, product_density: 10}
            """,
        message: #"test.yml:5: score "contract": weights sum to 90, expected 100"#),
    ConfigCase(
        id: "a misspelt key",
        yaml: """
            scores:
              rfm:
                module: value
                windw_days: 30
            """,
        message: #"test.yml:4: score "rfm": unknown key "windw_days" for module value; did you mean window_days?"#),
    ConfigCase(
        id: "an unknown module",
        yaml: """
            scores:
              rfm:
                module: valu
            """,
        message:
            #"test.yml:3: score "rfm": unknown module "valu" (modules: account, churn, clv, credit, health, referral, value)"#
    ),
    ConfigCase(
        id: "no module",
        yaml: """
            scores:
              rfm:
                window_days: 30
            """,
        message:
            #"test.yml:2: score "rfm": no `module:` (modules: account, churn, clv, credit, health, referral, value)"#),
    ConfigCase(
        id: "bands with a gap",
        yaml: """
            scores:
              contract:
                module: value
                method: contract
                bands: {High: 70-100, Low: 0-50}
            """,
        message: #"test.yml:5: score "contract": bands leave a gap between Low (to 50) and High (from 70)"#),
    ConfigCase(
        id: "text where a number belongs",
        yaml: """
            scores:
              rfm:
                module: value
                window_days: soon
            """,
        message: #"test.yml:4: score "rfm": window_days: expected a number"#),
    ConfigCase(
        id: "three recency bins",
        yaml: """
            scores:
              rfm:
                module: value

                recency_bins: [30, 60, 90]
            """,
        message: #"test.yml:5: score "rfm": needs 4 edges for scores 5 to 1, got 3"#),
    ConfigCase(
        id: "a segment map that leaves codes unnamed",
        yaml: """
            scores:
              rfm:
                module: value
                segments:
                  - {name: Best, r: 5, f: 5, m: 5}
            """,
        message: #"test.yml:4: score "rfm": no rule names code 554; the map must name all 125 codes"#),
    ConfigCase(
        id: "a weight for a signal the method lacks",
        yaml: """
            scores:
              rfm:
                module: value
                weights:
                  recency: 50
                  loyalty: 50
            """,
        message:
            #"test.yml:6: score "rfm": unknown signal "loyalty" for method rfm (known: recency, frequency, monetary)"#),
    ConfigCase(
        id: "health weights that do not sum to 100",
        yaml: """
            scores:
              health:
                module: health
                weights: {renewal: 40, feature_usage: 35, support: 20}
            """,
        message: #"test.yml:4: score "health": weights sum to 95, expected 100"#),
    ConfigCase(
        id: "health bands with a gap",
        yaml: """
            scores:
              health:
                module: health
                bands: {Green: 80-100, Yellow: 40-74, Red: 0-39}
            """,
        message: #"test.yml:4: score "health": bands leave a gap between Yellow (to 74) and Green (from 80)"#),
    ConfigCase(
        id: "a health weight for an unknown signal",
        yaml: """
            scores:
              health:
                module: health
                weights:
                  renewal: 40
                  logins: 35
                  support: 25
            """,
        message:
            #"test.yml:6: score "health": unknown signal "logins" (known: renewal, feature_usage, support, nps, active_users_ratio)"#
    ),
    ConfigCase(
        id: "health bands without their playbooks",
        yaml: """
            scores:
              health:
                module: health
                bands: {Good: 50-100, Poor: 0-49}
            """,
        message: #"test.yml:4: score "health": no playbook for band Good"#),
    ConfigCase(
        id: "a playbook for a band that does not exist",
        yaml: """
            scores:
              health:
                module: health
                playbooks: {Green: Check in, Yellow: Call, Red: Escalate, Blue: Relax}
            """,
        message: #"test.yml:4: score "health": playbook for unknown band "Blue" (bands: Green, Yellow, Red)"#),
    ConfigCase(
        id: "credit weights that do not sum to 100",
        yaml: """
            scores:
              credit:
                module: credit
                weights: {late_share: 50, days_late: 30, dso: 30}
            """,
        message: #"test.yml:4: score "credit": weights sum to 110, expected 100"#),
    ConfigCase(
        id: "credit grades with a gap",
        yaml: """
            scores:
              credit:
                module: credit
                bands: {A: 80-100, B: 60-75, C: 40-59, D: 20-39, E: 0-19}
            """,
        message: #"test.yml:4: score "credit": bands leave a gap between B (to 75) and A (from 80)"#),
    ConfigCase(
        id: "a credit weight for an unknown signal",
        yaml: """
            scores:
              credit:
                module: credit
                weights:
                  late_share: 50
                  credit_rating: 50
            """,
        message:
            #"test.yml:6: score "credit": unknown signal "credit_rating" (known: late_share, days_late, dso, uncollectible, open_balance, company_size, sector_risk, failed_charges, disputes)"#
    ),
    ConfigCase(
        id: "a sector risk above 100",
        yaml: """
            scores:
              credit:
                module: credit
                sector_risk:
                  retail: 60
                  crypto: 140
            """,
        message: #"test.yml:6: score "credit": risk must be 0-100, got 140"#),
    ConfigCase(
        id: "credit grades without terms",
        yaml: """
            scores:
              credit:
                module: credit
                bands: {A: 50-100, B: 0-49}
                terms: {A: net 30}
            """,
        message: #"test.yml:5: score "credit": no terms for grade B"#),
    ConfigCase(
        id: "referral weights that do not sum to 100",
        yaml: """
            scores:
              referral:
                module: referral
                weights: {referred_revenue: 50, big_logo: 30}
            """,
        message: #"test.yml:4: score "referral": weights sum to 80, expected 100"#),
    ConfigCase(
        id: "referral bands with a gap",
        yaml: """
            scores:
              referral:
                module: referral
                bands: {High: 67-100, Medium: 34-60, Low: 0-33}
            """,
        message: #"test.yml:4: score "referral": bands leave a gap between Medium (to 60) and High (from 67)"#),
    ConfigCase(
        id: "a referral weight for an unknown signal",
        yaml: """
            scores:
              referral:
                module: referral
                weights: {referred_revenue: 70, press_mentions: 30}
            """,
        message:
            #"test.yml:4: score "referral": unknown signal "press_mentions" (known: referred_revenue, second_degree_revenue, big_logo, lighthouse)"#
    ),
    ConfigCase(
        id: "churn weights that do not sum to 100",
        yaml: """
            scores:
              churn:
                module: churn
                weights: {usage_trend: 40, high_priority_tickets: 20, payment_issues: 20}
            """,
        message: #"test.yml:4: score "churn": weights sum to 80, expected 100"#),
    ConfigCase(
        id: "churn bands that overlap",
        yaml: """
            scores:
              churn:
                module: churn
                bands: {High: 60-100, Medium: 34-66, Low: 0-33}
            """,
        message: #"test.yml:4: score "churn": bands overlap: Medium 34-66 and High 60-100"#),
    ConfigCase(
        id: "a churn weight for an unknown signal",
        yaml: """
            scores:
              churn:
                module: churn
                weights: {usage_trend: 70, logins: 30}
            """,
        message:
            #"test.yml:4: score "churn": unknown signal "logins" (known: usage_trend, high_priority_tickets, payment_issues, detractor, mrr_contraction, renewal_near)"#
    ),
    ConfigCase(
        id: "churn weights on a trained score",
        yaml: """
            scores:
              churn:
                module: churn
                mode: trained
                weights: {usage_trend: 100}
            """,
        message: #"test.yml:5: score "churn": weights apply to mode rules only; a trained model learns its own"#),
    ConfigCase(
        id: "an unknown churn mode",
        yaml: """
            scores:
              churn:
                module: churn
                mode: learned
            """,
        message: #"test.yml:4: score "churn": mode must be rules or trained, got "learned""#),
    ConfigCase(
        id: "account signal weights in a group that do not sum to 100",
        yaml: """
            scores:
              account:
                module: account
                weights:
                  fit: {revenue_icp: 60, brand_icp: 30}
            """,
        message: #"test.yml:5: score "account": weights.fit sum to 90, expected 100"#),
    ConfigCase(
        id: "account group weights that do not sum to 100",
        yaml: """
            scores:
              account:
                module: account
                groups: {fit: 50, intent: 30, engagement: 30}
            """,
        message: #"test.yml:4: score "account": groups sum to 110, expected 100"#),
    ConfigCase(
        id: "ICP criterion weights that do not sum to 100",
        yaml: """
            scores:
              account:
                module: account
                icp:
                  revenue_icp:
                    industries: [software]
                    weights: {industry: 50, employees: 30, country: 10}
            """,
        message: #"test.yml:7: score "account": icp.revenue_icp.weights sum to 90, expected 100"#),
    ConfigCase(
        id: "an account weight for an unknown signal",
        yaml: """
            scores:
              account:
                module: account
                weights:
                  intent: {product_activity: 50, web_visits: 50}
            """,
        message:
            #"test.yml:5: score "account": unknown signal "web_visits" in group intent (known: product_activity, deal_activity)"#
    ),
    ConfigCase(
        id: "an unknown ICP kind",
        yaml: """
            scores:
              account:
                module: account
                icp:
                  growth_icp: {industries: [software]}
            """,
        message: #"test.yml:5: score "account": unknown ICP kind "growth_icp" (known: revenue_icp, brand_icp)"#),
    ConfigCase(
        id: "an employee range upside down",
        yaml: """
            scores:
              account:
                module: account
                icp:
                  revenue_icp:
                    employees: 5000-50
            """,
        message: #"test.yml:6: score "account": "5000-50" is not a range of employees like 50-1000"#),
    ConfigCase(
        id: "a misspelt ICP key",
        yaml: """
            scores:
              account:
                module: account
                icp:
                  brand_icp:
                    industy: [media]
            """,
        message:
            #"test.yml:6: score "account": unknown key "industy" in icp.brand_icp (known: industries, employees, countries, weights, grades)"#
    ),
    ConfigCase(
        id: "account bands that overlap",
        yaml: """
            scores:
              account:
                module: account
                bands: {Tier 1: 60-100, Tier 2: 40-69, Tier 3: 0-39}
            """,
        message: #"test.yml:4: score "account": bands overlap: Tier 2 40-69 and Tier 1 60-100"#),
    ConfigCase(
        id: "a segment on something that is no field name",
        yaml: """
            scores:
              rfm:
                module: value
                where:
                  industry: software
                  "sector?": retail
            """,
        message: #"test.yml:6: score "rfm": where: "sector?" is not a field name"#),
    ConfigCase(
        id: "a segment with an employee range that is no range",
        yaml: """
            scores:
              rfm:
                module: value
                where: {employees: 1000-50}
            """,
        message: #"test.yml:4: score "rfm": where.employees: "1000-50" is not a range like 50-1000"#),
    ConfigCase(
        id: "a segment that is not a mapping",
        yaml: """
            scores:
              rfm:
                module: value
                where: software
            """,
        message: #"test.yml:4: score "rfm": where: expected field: value (fields: industry, employees, country)"#),
    ConfigCase(
        id: "an unknown top-level key",
        yaml: """
            score:
              rfm:
                module: value
            """,
        message: #"test.yml:1: unknown top-level key "score" (known: scores, sources)"#),
    ConfigCase(
        id: "broken YAML",
        yaml: """
            scores:
              rfm:
                module: value
                recency_bins: [30, 60
            """,
        message: "test.yml:5: YAML syntax: did not find expected ',' or ']'"),
]

@Test(arguments: cases)
func aBadConfigurationIsRefusedWithOneLine(_ configCase: ConfigCase) {
    #expect {
        try ScorebookConfiguration.parse(yaml: configCase.yaml, file: "test.yml")
    } throws: { error in
        let text = "\(error)"
        if text != configCase.message { Issue.record("got: \(text)") }
        return text == configCase.message
    }
}

@Test func aScoreWithOnlyAModuleRunsOnDefaults() throws {
    let configuration = try ScorebookConfiguration.parse(yaml: "scores:\n  rfm:\n    module: value\n", file: "test.yml")
    let score = try configuration.score(named: "rfm")
    #expect(score.module == "value")
    #expect(score.facts.map(\.description) == ["days_since_last_payment", "paid_invoices[365d]", "paid_amount[365d]"])
    #expect(score.configurationHash.count == 16)
}

@Test func theConfigurationHashFollowsTheSettings() throws {
    let a = try ScorebookConfiguration.parse(yaml: "scores:\n  a:\n    module: value\n", file: "t")
    let b = try ScorebookConfiguration.parse(
        yaml: "scores:\n  a:\n    module: value\n    window_days: 365\n", file: "t")
    let c = try ScorebookConfiguration.parse(
        yaml: "scores:\n  a:\n    module: value\n    window_days: 180\n", file: "t")
    #expect(a.scores[0].configurationHash == b.scores[0].configurationHash)
    #expect(a.scores[0].configurationHash != c.scores[0].configurationHash)
}

@Test func theStarterConfigurationIsTheShippedFileAndValid() throws {
    let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("config/scorebook.yml")
    #expect(
        try String(contentsOf: shipped, encoding: .utf8) == StarterConfiguration.text,
        "Sources/Host/Configuration/StarterConfiguration.swift is out of date. Please run scripts/starter-config.")
    let configuration = try ScorebookConfiguration.parse(yaml: StarterConfiguration.text, file: "config/scorebook.yml")
    #expect(configuration.scores.count >= 4)
}

@Test func manualShareAboveAQuarterWarns() throws {
    let configuration = try ScorebookConfiguration.parse(
        yaml: "scores:\n  team:\n    module: value\n    method: qualitative\n", file: "t")
    #expect(
        configuration.scores[0].warnings.contains { $0.contains("manual signals carry 100% of the score, above 25%") })
}
