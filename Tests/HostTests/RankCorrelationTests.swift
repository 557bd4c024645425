import Foundation
import Generator
import Testing

@testable import Host

// Reference values from scipy.stats 1.17 (scripts/reference/correlations.py): spearmanr and kendalltau (tau-b).
private let x: [Double] = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9]
private let y: [Double] = [2, 7, 1, 8, 2, 8, 1, 8, 2, 8, 4, 5, 9, 0, 4]

@Test func spearmanAgreesWithScipyWithTies() throws {
    #expect(abs(try #require(RankCorrelation.spearman(x, y)) - 0.17916174391114706) < 1e-9)
    #expect(abs(try #require(RankCorrelation.spearman([1, 2, 3, 4, 5], [5, 6, 7, 8, 7])) - 0.8207826816681233) < 1e-9)
}

@Test func kendallTauBAgreesWithScipyWithTies() throws {
    #expect(abs(try #require(RankCorrelation.kendallTauB(x, y)) - 0.1570874410539306) < 1e-9)
    #expect(
        abs(try #require(RankCorrelation.kendallTauB([1, 2, 3, 4, 5], [5, 6, 7, 8, 7])) - 0.7378647873726218) < 1e-9)
}

@Test func kendallMatchesTheQuadraticDefinitionOnRandomTies() throws {
    var generator = SeededRandom(seed: 17)
    for _ in 0..<20 {
        let count = Int.random(in: 2...60, using: &generator)
        let a = (0..<count).map { _ in Double(Int.random(in: 0...6, using: &generator)) }
        let b = (0..<count).map { _ in Double(Int.random(in: 0...6, using: &generator)) }
        var concordant = 0, discordant = 0, tiesA = 0, tiesB = 0
        for i in 0..<count {
            for j in (i + 1)..<count {
                let da = a[i] - a[j], db = b[i] - b[j]
                if da == 0 && db == 0 { continue }
                if da == 0 {
                    tiesA += 1
                } else if db == 0 {
                    tiesB += 1
                } else if (da > 0) == (db > 0) {
                    concordant += 1
                } else {
                    discordant += 1
                }
            }
        }
        let denominator = (Double(concordant + discordant + tiesA) * Double(concordant + discordant + tiesB))
            .squareRoot()
        let expected = denominator > 0 ? Double(concordant - discordant) / denominator : nil
        let actual = RankCorrelation.kendallTauB(a, b)
        if let expected, let actual {
            #expect(abs(expected - actual) < 1e-12)
        } else {
            #expect(expected == nil && actual == nil)
        }
    }
}

@Test func constantSidesHaveNoCorrelation() {
    #expect(RankCorrelation.spearman([1, 1, 1], [1, 2, 3]) == nil)
    #expect(RankCorrelation.kendallTauB([1, 2, 3], [4, 4, 4]) == nil)
}

@Test func stabilityIsZeroForTheSameDistributionAndGrowsWithShift() {
    let base = (0..<1000).map { Double($0 % 100) }
    #expect(Comparison.populationStabilityIndex(expected: base, actual: base) == 0)
    let shifted = base.map { $0 + 30 }
    let psi = Comparison.populationStabilityIndex(expected: base, actual: shifted)
    // Deciles of 0...99: 30% of the shifted values move past the top edge; PSI far above 0.25.
    #expect(psi > 0.25)
}
