import ChurnScore
import ScoreKit
import Testing

/// A "not scored" expectation holds for an account the module leaves out and is reported for one it scores.
@Test func aNotScoredExpectationFailsForAnAccountThatWasScored() throws {
    let example = try #require(ChurnScore.examples.first { $0.name == "rules on a small base" })
    #expect(example.mismatches().isEmpty)
    let wrong = WorkedExample<ChurnScore>(
        name: example.name, configuration: example.configuration, facts: example.facts,
        expected: [.notScored("falling"), .notScored("gone")])
    #expect(wrong.mismatches() == ["rules on a small base: falling was scored, expected to be left out"])
}
