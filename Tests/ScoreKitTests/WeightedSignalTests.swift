import Testing

@testable import ScoreKit

/// Two signals, one turned around.
private enum Signal: String, WeightedSignal {
    case usage, support

    var defaultWeight: Double { self == .usage ? 60 : 40 }
    var isInverted: Bool { self == .support }
}

@Test func weightedSignalsGiveTheWeightsInForce() throws {
    #expect(Signal.weights(nil).map(\.weight) == [60, 40])
    #expect(Signal.weights(["support": 100]).map(\.weight) == [0, 100])
    #expect(Signal.defaultWeightsText() == "usage 60, support 40")
    #expect(Signal.specs(["support": 100]) == [SignalSpec(name: "support", share: 100)])
    #expect(Signal.support.scale([0, 10], by: .minMax) == [100, 0])
    #expect(
        throws: ConfigurationProblem("unknown signal \"logins\" (known: usage, support)", at: ["weights", "logins"])
    ) {
        try Signal.check(["logins": 100])
    }
    #expect(throws: ConfigurationProblem("weights sum to 10, expected 100", at: ["weights"])) {
        try Signal.check(["usage": 10])
    }
    #expect(throws: Never.self) { try Signal.check(nil) }
}

@Test func bandPresetsWriteEachEdgeOnce() {
    #expect(Bands.floors([("Green", 75), ("Yellow", 40), ("Red", 0)]) == Bands.greenYellowRed)
    #expect(Bands.greenYellowRed.defaultText == "Green 75-100, Yellow 40-74, Red 0-39")
    #expect(Bands.floors([("High", 30), ("Medium", 1), ("Low", 0)]).defaultText == "High 30-100, Medium 1-29, Low 0")
    #expect(
        Bands.topTenth("High", nextFifth: "Medium", rest: "Low").defaultText == "High 90-100%, Medium 70-89%, Low 0-69%"
    )
}
