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
    ([Band("Green", 75, 100), Band("Yellow", 45, 74), Band("Red", 0, 39)],
     "bands leave a gap between Red (to 39) and Yellow (from 45)"),
    ([Band("Green", 70, 100), Band("Yellow", 40, 74), Band("Red", 0, 39)],
     "bands overlap: Yellow 40-74 and Green 70-100"),
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
