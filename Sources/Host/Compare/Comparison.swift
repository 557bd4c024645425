import Foundation
import Store

/// Two stored runs compared over their common accounts: rank correlations, a band crosstab, the accounts whose ranks
/// disagree most, and, for two runs of one score, movers, band transitions and the population stability index.
public struct Comparison {
    /// One account in both runs.
    public struct Pair: Sendable {
        public let accountID: String
        /// The account's name (its id when it has none).
        public let accountName: String
        public let first: Double
        public let second: Double
        public let firstBand: String
        public let secondBand: String
        /// Percentile rank (0...100, higher is better for the score) in each run, among the common accounts.
        public let firstRank: Double
        public let secondRank: Double
    }

    /// The runs.
    public let first: ScoreRun
    public let second: ScoreRun
    /// Accounts in both.
    public let pairs: [Pair]
    /// Accounts in only one of them.
    public let onlyFirst: Int
    public let onlySecond: Int
    /// Spearman's rho and Kendall's tau-b of the two scores.
    public let spearman: Double?
    public let kendall: Double?

    /// Compares two runs, reading only what is stored.
    public init(first: ScoreRun, second: ScoreRun, store: ScoreRunStore) throws {
        self.first = first
        self.second = second
        let a = try store.values(runID: first.id)
        let b = try store.values(runID: second.id)
        let byID = Dictionary(b.map { ($0.accountID, $0) }, uniquingKeysWith: { first, _ in first })
        let common = a.filter { byID[$0.accountID] != nil }
        guard !common.isEmpty else {
            throw HostError.noAccountsInCommon(
                first: first.scoreName, firstID: first.id, second: second.scoreName, secondID: second.id)
        }
        let firstValues = common.map(\.value)
        let secondValues = common.compactMap { byID[$0.accountID]?.value }
        // Ranks follow each score's order: position 1 is best, so a lower position is a higher percentile.
        let firstRanks = Self.percentiles(common.map { Double($0.position) })
        let secondRanks = Self.percentiles(common.compactMap { byID[$0.accountID].map { Double($0.position) } })
        pairs = common.indices.map { index in
            let other = byID[common[index].accountID]
            return Pair(
                accountID: common[index].accountID, accountName: common[index].accountName,
                first: firstValues[index], second: secondValues[index],
                firstBand: common[index].band, secondBand: other?.band ?? "", firstRank: firstRanks[index],
                secondRank: secondRanks[index])
        }
        onlyFirst = a.count - common.count
        onlySecond = b.count - common.count
        // On the values as stored, as scipy would be given them: ties stay ties, and a risk score against a health
        // score correlates negatively.
        spearman = RankCorrelation.spearman(firstValues, secondValues)
        kendall = RankCorrelation.kendallTauB(firstValues, secondValues)
    }

    /// True when both runs are of the same score (a comparison over time).
    public var isOverTime: Bool { first.scoreName == second.scoreName }

    /// Counts of accounts per (first band, second band), largest first.
    public var crosstab: [(first: String, second: String, count: Int)] {
        var counts: [String: [String: Int]] = [:]
        for pair in pairs { counts[pair.firstBand, default: [:]][pair.secondBand, default: 0] += 1 }
        return counts.flatMap { first, row in row.map { (first, $0.key, $0.value) } }
            .sorted { $0.count != $1.count ? $0.count > $1.count : ($0.first, $0.second) < ($1.first, $1.second) }
    }

    /// The accounts whose percentile ranks differ most.
    public func disagreements(limit: Int) -> [Pair] {
        Array(pairs.sorted { abs($0.firstRank - $0.secondRank) > abs($1.firstRank - $1.secondRank) }.prefix(limit))
    }

    /// The largest rises and falls of the value from the first run to the second.
    public func movers(limit: Int) -> (rises: [Pair], falls: [Pair]) {
        let sorted = pairs.sorted { ($0.second - $0.first) > ($1.second - $1.first) }
        return (
            Array(sorted.prefix(limit).filter { $0.second > $0.first }),
            Array(sorted.reversed().prefix(limit).filter { $0.second < $0.first })
        )
    }

    /// Population stability index of the second run's values against the first's deciles, with its usual reading.
    public var stability: (index: Double, reading: String) {
        let psi = Self.populationStabilityIndex(expected: pairs.map(\.first), actual: pairs.map(\.second))
        let reading =
            psi < 0.1
            ? "stable (below 0.1)" : psi < 0.25 ? "moderate shift (0.1-0.25)" : "significant shift (0.25 or more)"
        return (psi, reading)
    }

    /// PSI = sum over the expected distribution's decile bins of (a - e) ln(a / e), empty bins floored at 0.0001.
    public static func populationStabilityIndex(expected: [Double], actual: [Double], bins: Int = 10) -> Double {
        let sorted = expected.sorted()
        guard !sorted.isEmpty, !actual.isEmpty else { return 0 }
        let edges = (1..<bins).map { sorted[min(sorted.count - 1, $0 * sorted.count / bins)] }
        func shares(_ values: [Double]) -> [Double] {
            var counts = Array(repeating: 0, count: bins)
            for value in values { counts[edges.filter { value >= $0 }.count] += 1 }
            return counts.map { max(Double($0) / Double(values.count), 0.0001) }
        }
        return zip(shares(expected), shares(actual)).reduce(0) { $0 + ($1.1 - $1.0) * log($1.1 / $1.0) }
    }

    static func percentiles(_ positions: [Double]) -> [Double] {
        let ranks = RankCorrelation.averageRanks(positions)
        let count = Double(positions.count)
        return ranks.map { count > 1 ? (count - $0) / (count - 1) * 100 : 100 }
    }
}
