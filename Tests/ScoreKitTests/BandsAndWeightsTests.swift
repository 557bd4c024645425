import Foundation
import Testing

@testable import ScoreKit

@Test func bandsLabelScoresByTheirLowerBounds() {
    let bands = Bands.greenYellowRed
    #expect(bands.label(for: 100) == "Green")
    #expect(bands.label(for: 75) == "Green")
    #expect(bands.label(for: 74.6) == "Yellow")
    #expect(bands.label(for: 40) == "Yellow")
    #expect(bands.label(for: 39.9) == "Red")
    #expect(bands.label(for: 0) == "Red")
}

@Test(arguments: [
    (
        [Band("Green", 75, 100), Band("Yellow", 45, 74), Band("Red", 0, 39)],
        "bands leave a gap between Red (to 39) and Yellow (from 45)"
    ),
    (
        [Band("Green", 70, 100), Band("Yellow", 40, 74), Band("Red", 0, 39)],
        "bands overlap: Yellow 40-74 and Green 70-100"
    ),
    ([Band("Green", 75, 100), Band("Yellow", 40, 74)], "bands start at 40, scores start at 0"),
    ([Band("Green", 75, 90), Band("Rest", 0, 74)], "bands end at 90, scores reach 100"),
])
func bandsWithGapsOrOverlapsAreRejected(bands: [Band], message: String) {
    #expect(throws: ConfigurationProblem(message, at: ["bands"])) { try Bands(bands) }
}

@Test func weightsMustSumToAHundred() {
    #expect(throws: ConfigurationProblem("weights sum to 90, expected 100", at: ["weights"])) {
        try Weights.check([("renewal", 40), ("usage", 35), ("support", 15)], at: ["weights"])
    }
    #expect(throws: ConfigurationProblem("weight must be 0-100, got 140", at: ["weights", "usage"])) {
        try Weights.check([("usage", 140), ("renewal", -40)], at: ["weights"])
    }
    #expect(throws: Never.self) { try Weights.check([("a", 33.33), ("b", 33.33), ("c", 33.34)], at: ["weights"]) }
}

@Test func componentsContributeWeightTimesScaledValue() {
    let component = Component(signal: "renewal", raw: 1, normalised: 80, weight: 40)
    #expect(component.contribution == 32)
}

@Test func bandsByShareFlagTheTopTenthWhateverTheValues() throws {
    let bands = try JSONDecoder().decode(
        Bands.self, from: Data(#"{"High": "90-100%", "Medium": "70-89%", "Low": "0-69%"}"#.utf8))
    #expect(bands.isShareOfBase)
    // Twenty low values (0.5 to 10): by value bands of 67-100 none would be High; by share the top two are.
    let values = (1...20).map { Double($0) / 2 }.shuffled()
    let labels = bands.labels(for: values)
    let high = zip(values, labels).filter { $0.1 == "High" }.map(\.0).sorted()
    let medium = zip(values, labels).filter { $0.1 == "Medium" }.map(\.0).sorted()
    #expect(high == [9.5, 10])
    #expect(medium == [7.5, 8, 8.5, 9])
    #expect(labels.filter { $0 == "Low" }.count == 14)
    // Ties share the band of their best placed member: the eight 1s are placed third of ten, 100 x 7 / 9 = 77.8.
    let tied = bands.labels(for: [5, 5, 1, 1, 1, 1, 1, 1, 1, 1])
    #expect(tied == ["High", "High"] + Array(repeating: "Medium", count: 8))
    #expect(bands.labels(for: [3]) == ["High"])
    let encoded = String(decoding: try JSONEncoder().encode(bands), as: UTF8.self)
    #expect(encoded.contains(#""High":"90-100%""#))
}

@Test func bandsMixingSharesAndValuesAreRejected() {
    #expect(throws: ConfigurationProblem.self) {
        try JSONDecoder().decode(Bands.self, from: Data(#"{"High": "90-100%", "Low": "0-89"}"#.utf8))
    }
}

@Test func relabellingByShareKeepsValuesAndComponents() {
    let bands = Bands(trusted: [Band("Low", 0, 49), Band("High", 50, 100)], isShareOfBase: true)
    let scores = [1.0, 2, 3, 4].map { value in
        ScoredAccount(
            accountID: "a\(Int(value))", value: value, band: "?",
            components: [Component(signal: "s", raw: value, normalised: value, weight: 100)])
    }
    let relabelled = bands.relabel(scores)
    #expect(relabelled.map(\.band) == ["Low", "Low", "High", "High"])
    #expect(relabelled.map(\.value) == scores.map(\.value))
    #expect(relabelled.map(\.components) == scores.map(\.components))
    #expect(Bands.greenYellowRed.relabel(scores) == scores)
}
