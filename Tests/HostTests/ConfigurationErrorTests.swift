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
        message: #"test.yml:3: score "rfm": unknown module "valu" (modules: value)"#),
    ConfigCase(
        id: "no module",
        yaml: """
            scores:
              rfm:
                window_days: 30
            """,
        message: #"test.yml:2: score "rfm": no `module:` (modules: value)"#),
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
        message: #"test.yml:6: score "rfm": unknown signal "loyalty" for method rfm (known: recency, frequency, monetary)"#),
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
    let b = try ScorebookConfiguration.parse(yaml: "scores:\n  a:\n    module: value\n    window_days: 365\n", file: "t")
    let c = try ScorebookConfiguration.parse(yaml: "scores:\n  a:\n    module: value\n    window_days: 180\n", file: "t")
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
    #expect(configuration.scores[0].warnings.contains { $0.contains("manual signals carry 100% of the score, above 25%") })
}
