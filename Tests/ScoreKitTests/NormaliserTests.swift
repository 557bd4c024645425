import Testing

@testable import ScoreKit

@Test func quintilesGiveTiesTheSameScore() {
    // k of n at or below: 1,1 -> k=2 -> (10+9)/10 = 1; 3,3,3 -> k=6 -> 3; 8,8 -> k=9 -> 5.
    let scores = Normaliser.quintiles([1, 1, 2, 3, 3, 3, 5, 8, 8, 13])
    #expect(scores == [1, 1, 2, 3, 3, 3, 4, 5, 5, 5])
}

@Test func quintilesOfRecencyAreInverse() {
    let scores = Normaliser.quintiles([8, 15, 62, 140, 310], higherIsBetter: false)
    #expect(scores == [5, 4, 3, 2, 1])
}

@Test func quintilesOnALargeBaseFollowCeilFiveCumeDist() {
    // 1,000 values with many ties: each score must equal ceil(5 x share at or below), computed independently.
    let values: [Double?] = (0..<1000).map { Double(($0 * 7919) % 37) }
    let scores = Normaliser.quintiles(values)
    for (value, score) in zip(values, scores) {
        let atOrBelow = values.filter { $0! <= value! }.count
        var expected = 1
        while Double(expected) < 5 * Double(atOrBelow) / 1000 { expected += 1 }
        #expect(score == expected)
    }
    #expect(Set(scores.compactMap { $0 }) == [1, 2, 3, 4, 5])
}

@Test func missingValuesStayMissing() {
    #expect(Normaliser.quintiles([nil, 4, 2]) == [nil, 5, 3])
    #expect(Normaliser.minMax([nil, 4, 2]) == [nil, 100, 0])
}

@Test func aConstantSignalScalesToTheDocumentedValueNotNaN() {
    #expect(Normaliser.minMax([7, 7, 7]) == [50, 50, 50])
    #expect(Normaliser.percentile([7, 7]) == [50, 50])
    #expect(Normaliser.percentile([7]) == [50])
}

@Test func percentileUsesMidRanksForTies() {
    #expect(Normaliser.percentile([10, 20, 20, 30]) == [0, 50, 50, 100])
}

@Test func invertedSignalsTurnAroundAfterScaling() {
    #expect(Normaliser.scale([0, 4, 40], by: .minMax, invert: true) == [100, 90, 0])
}

@Test func binsScoreRecencyAtOrUnderEachEdge() {
    let scores = Normaliser.bins([8, 30, 31, 62, 140, 180, 181, 310], edges: [30, 60, 90, 180], higherIsBetter: false)
    #expect(scores == [5, 5, 4, 3, 2, 2, 1, 1])
}

@Test func binsScoreFrequencyAtOrOverEachEdge() {
    let scores = Normaliser.bins([0, 2, 4, 5, 10, 20, 30], edges: [2, 5, 10, 20], higherIsBetter: true)
    #expect(scores == [1, 2, 2, 3, 4, 5, 5])
}
