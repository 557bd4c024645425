import ScoreKit
import Testing

@testable import Host

private func score(_ id: String, _ value: Double) -> ScoredAccount {
    ScoredAccount(
        accountID: id, value: value, band: "?",
        components: [Component(signal: "s", raw: value, normalised: value, weight: 100)])
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
    } throws: {
        "\($0)"
            == "t.yml:4: score \"rfm\": rollup needs bands that follow the score's value; module value does not "
            + "have them"
    }
    #expect {
        try ScorebookConfiguration.parse(
            yaml: "scores:\n  health:\n    module: health\n    rollup: median\n", file: "t.yml")
    } throws: { "\($0)" == "t.yml:4: score \"health\": rollup must be one of mean, revenue, worst, got \"median\"" }
}

@Test func threeLevelRollupsAreBottomUpAndTheSameOnEveryRerun() throws {
    // Ten trees: grandparent g (80) over parent p (10) over children c1 (20) and c2 (60), and g's own child d (50).
    // Bottom-up, p = (10 + 20 + 60) / 3 = 30 and g = (80 + 30 + 50) / 3; p's own 10 in g's roll-up would give 140 / 3.
    let trees = (0..<10).map { "t\($0)" }
    var scores: [ScoredAccount] = []
    var links: [(String, String)] = []
    for tree in trees {
        scores += [score("\(tree)g", 80), score("\(tree)p", 10), score("\(tree)c1", 20), score("\(tree)c2", 60)]
        scores.append(score("\(tree)d", 50))
        links += [("\(tree)p", "\(tree)g"), ("\(tree)c1", "\(tree)p"), ("\(tree)c2", "\(tree)p")]
        links.append(("\(tree)d", "\(tree)g"))
    }
    var generator = SystemRandomNumberGenerator()
    var results: [[String]] = []
    for _ in 0..<20 {
        let parents = Dictionary(uniqueKeysWithValues: links.shuffled(using: &generator))
        let rolled = Rollup(method: .mean, higherIsBetter: true, band: band)
            .apply(scores.shuffled(using: &generator), parents: parents, revenue: [:])
        for tree in trees {
            let grandparent = try #require(rolled.first { $0.accountID == "\(tree)g" })
            #expect(abs(grandparent.value - 160.0 / 3) < 1e-9)
            #expect(abs((rolled.first { $0.accountID == "\(tree)p" }?.value ?? 0) - 30) < 1e-9)
        }
        results.append(rolled.map { "\($0.accountID) \($0.value) \($0.components.map(\.signal))" })
    }
    #expect(Set(results.map { $0.joined(separator: "\n") }).count == 1)
}

@Test func aCycleOfParentLinksStillRollsUpOnce() {
    let rolled = Rollup(method: .mean, higherIsBetter: true, band: band)
        .apply([score("a", 20), score("b", 60)], parents: ["a": "b", "b": "a"], revenue: [:])
    #expect(rolled.count == 2)
    #expect(rolled.allSatisfy { $0.value.isFinite })
}
