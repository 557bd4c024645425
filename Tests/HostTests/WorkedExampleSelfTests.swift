import HealthScore
import ScoreKit
import Testing

@testable import Host

/// What `mismatches()` reports for each example of a module once its expectations are made wrong on purpose: a wrong
/// value, a wrong band, a detail the score lacks and an account nobody scored, each about an account that was scored.
private func wrongExpectationReports<Module: ScoreModule>(_ module: Module.Type) throws -> [(String, [String])] {
    try Module.examples.map { example in
        let scored = try #require(try Module.score(example.facts, configuration: example.configuration).first)
        let wrong = WorkedExample<Module>(
            name: example.name, configuration: example.configuration, facts: example.facts,
            expected: [
                Expectation(scored.accountID, value: scored.value + 1),
                Expectation(scored.accountID, band: scored.band + " (wrong)"),
                Expectation(scored.accountID, details: [("no_such_detail", .integer(1))]),
                Expectation("no-such-account"),
            ])
        return (example.name, wrong.mismatches())
    }
}

@Test(arguments: registeredModules.map { $0.identifier })
func mismatchesReportsEveryWrongExpectation(identifier: String) throws {
    let module = try #require(ModuleRegistry.module(identifier))
    for (name, reports) in try wrongExpectationReports(module) {
        #expect(reports.count == 4, "\(name): \(reports)")
        #expect(reports.contains { $0.contains("expected") && $0.contains("score ") }, "\(name): no wrong value")
        #expect(reports.contains { $0.contains("(wrong)") && $0.contains("band ") }, "\(name): no wrong band")
        #expect(reports.contains { $0.contains("no_such_detail missing, expected 1") }, "\(name): no missing detail")
        #expect(reports.contains { $0.contains("no-such-account was not scored") }, "\(name): no unscored account")
    }
}

@Test func mismatchesReportsAModuleThatThrows() throws {
    var configuration = HealthConfiguration()
    configuration.weights = ["renewal": 500]
    let example = try #require(HealthScore.examples.first)
    let failing = WorkedExample<HealthScore>(
        name: "bad weights", configuration: configuration, facts: example.facts, expected: example.expected)
    #expect(failing.mismatches().count == 1)
    #expect(failing.mismatches().first?.hasPrefix("bad weights: ") == true)
}
