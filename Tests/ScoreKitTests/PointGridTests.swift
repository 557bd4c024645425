import Testing

@testable import ScoreKit

@Test func aGridScoresByAbsoluteThresholds() throws {
    let grid = try PointGrid([("10+", 100), ("5-9", 50), ("1-4", 20), ("0", 0)])
    #expect(grid.scale([0, 1, 4, 5, 9, 9.5, 10, 400, nil]) == [0, 20, 20, 50, 50, 50, 100, 100, nil])
}

@Test(arguments: [
    ([("10+", 100.0), ("5-8", 50.0), ("0-4", 0.0)], "ranges leave a gap between 5-8 and 10+"),
    ([("10+", 100.0), ("5-10", 50.0), ("0-4", 0.0)], "ranges overlap: 5-10 and 10+"),
    ([("5-9", 50.0), ("0-4", 0.0)], "the highest range 5-9 must be open-ended, like 5+"),
    ([("10+", 140.0), ("0-9", 0.0)], "points must be 0-100, got 140 for 10+"),
    ([("ten+", 100.0)], "\"ten+\" is not a range like 5-9, 10+ or 0"),
])
func gridsWithGapsOverlapsOrBadPointsAreRefused(entries: [(String, Double)], message: String) {
    #expect(throws: ConfigurationProblem(message, at: ["grids", "feature_usage"])) {
        try PointGrid(entries.map { ($0.0, $0.1) }, at: ["grids", "feature_usage"])
    }
}
