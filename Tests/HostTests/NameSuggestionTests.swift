import Testing

@testable import Host

@Test(arguments: [
    ("helth", "health"), ("chrun", "churn"), ("churn_trianed", "churn_trained"), ("RFM", "rfm"), ("credit", "credit"),
])
func aMistypedNameSuggestsTheClosestConfiguredOne(typed: String, expected: String) {
    let configured = ["rfm", "health", "churn", "churn_trained", "credit"]
    #expect(NameSuggestion.closest(to: typed, among: configured) == expected)
}

@Test func aNameFarFromEveryConfiguredOneListsThemInstead() throws {
    let configuration = try ScorebookConfiguration.parse(
        yaml: "scores:\n  health:\n    module: health\n  rfm:\n    module: value\n", file: "c.yml")
    #expect(NameSuggestion.closest(to: "pipeline", among: ["health", "rfm"]) == nil)
    let far = #expect(throws: ConfigError.self) { try configuration.score(named: "pipeline") }
    #expect(far?.description == "c.yml: score \"pipeline\": not configured (configured: health, rfm)")
    let near = #expect(throws: ConfigError.self) { try configuration.score(named: "helth") }
    #expect(near?.description == "c.yml: score \"helth\": not configured; did you mean health?")
}
