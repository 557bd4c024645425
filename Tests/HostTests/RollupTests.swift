import ScoreKit
import Testing

@testable import Host

private func score(_ id: String, _ value: Double) -> AccountScore {
    AccountScore(accountID: id, value: value, band: "?", components: [Component(signal: "s", raw: value, normalised: value, weight: 100)])
}

private let scores = [score("parent", 80), score("a", 20), score("b", 50), score("loner", 90)]
private let parents = ["a": "parent", "b": "parent"]
private func band(_ value: Double) -> String { value >= 75 ? "Green" : value >= 40 ? "Yellow" : "Red" }

@Test func aMeanRollupAveragesTheParentAndItsChildren() throws {
    let rolled = Rollup(method: .mean, higherIsBetter: true, band: band).apply(scores, parents: parents, revenue: [:])
    let parent = try #require(rolled.first { $0.accountID == "parent" })
    #expect(abs(parent.value - 50) < 1e-9)
    #expect(parent.band == "Yellow")
    #expect(parent.components.map(\.signal) == ["own score", "child a", "child b"])
    #expect(abs(parent.components.total - parent.value) < 1e-9)
    // Children and accounts without children keep their own scores.
    #expect(rolled.first { $0.accountID == "a" }?.value == 20)
    #expect(rolled.first { $0.accountID == "loner" }?.value == 90)
}

@Test func aWorstRollupTakesTheWeakestMemberInTheScoresDirection() throws {
    let health = Rollup(method: .worst, higherIsBetter: true, band: band).apply(scores, parents: parents, revenue: [:])
    #expect(health.first { $0.accountID == "parent" }?.value == 20)
    let risk = Rollup(method: .worst, higherIsBetter: false, band: band).apply(scores, parents: parents, revenue: [:])
    #expect(risk.first { $0.accountID == "parent" }?.value == 80)
}

@Test func aRevenueRollupWeighsMembersByRevenue() throws {
    let rolled = Rollup(method: .revenue, higherIsBetter: true, band: band)
        .apply(scores, parents: parents, revenue: ["parent": 100, "a": 300, "b": 0])
    // (80 x 100 + 20 x 300 + 50 x 0) / 400 = 35.
    let parent = try #require(rolled.first { $0.accountID == "parent" })
    #expect(abs(parent.value - 35) < 1e-9)
    #expect(parent.band == "Red")
}

@Test func rollupIsRefusedForScoresWhoseBandsAreSegments() {
    #expect {
        try ScorebookConfiguration.parse(yaml: "scores:\n  rfm:\n    module: value\n    rollup: mean\n", file: "t.yml")
    } throws: { "\($0)" == "t.yml:4: score \"rfm\": rollup needs bands that follow the score's value; module value does not have them" }
    #expect {
        try ScorebookConfiguration.parse(yaml: "scores:\n  health:\n    module: health\n    rollup: median\n", file: "t.yml")
    } throws: { "\($0)" == "t.yml:4: score \"health\": rollup must be one of mean, revenue, worst, got \"median\"" }
}
