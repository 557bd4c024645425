import Foundation

/// Rank correlations as scipy.stats computes them: Spearman's rho on average ranks, Kendall's tau-b with ties.
public enum RankCorrelation {
    /// Average ranks (1-based), ties sharing the mean of their positions.
    public static func averageRanks(_ values: [Double]) -> [Double] {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var ranks = Array(repeating: 0.0, count: values.count)
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count && values[order[end + 1]] == values[order[start]] { end += 1 }
            let rank = Double(start + end) / 2 + 1
            for position in start...end { ranks[order[position]] = rank }
            start = end + 1
        }
        return ranks
    }

    /// Spearman's rho: Pearson's correlation of the average ranks; nil when either side is constant or n < 2.
    public static func spearman(_ x: [Double], _ y: [Double]) -> Double? {
        pearson(averageRanks(x), averageRanks(y))
    }

    /// Pearson's correlation; nil when either side is constant or n < 2.
    public static func pearson(_ x: [Double], _ y: [Double]) -> Double? {
        let n = Double(x.count)
        guard x.count == y.count, x.count > 1 else { return nil }
        let meanX = x.reduce(0, +) / n
        let meanY = y.reduce(0, +) / n
        var covariance = 0.0, varianceX = 0.0, varianceY = 0.0
        for index in x.indices {
            let dx = x[index] - meanX
            let dy = y[index] - meanY
            covariance += dx * dy
            varianceX += dx * dx
            varianceY += dy * dy
        }
        guard varianceX > 0, varianceY > 0 else { return nil }
        return covariance / (varianceX * varianceY).squareRoot()
    }

    /// Kendall's tau-b in O(n log n) (Knight's algorithm, as scipy.stats.kendalltau): pairs tied in x or in y count
    /// in the denominator's correction; nil when either side is constant or n < 2.
    public static func kendallTauB(_ x: [Double], _ y: [Double]) -> Double? {
        guard x.count == y.count, x.count > 1 else { return nil }
        let n = x.count
        let order = x.indices.sorted { x[$0] != x[$1] ? x[$0] < x[$1] : y[$0] < y[$1] }
        let xs = order.map { x[$0] }
        var ys = order.map { y[$0] }
        func tiedPairs(_ values: [Double]) -> Int {
            var total = 0, run = 1
            for index in 1..<values.count {
                if values[index] == values[index - 1] { run += 1 } else { total += run * (run - 1) / 2; run = 1 }
            }
            return total + run * (run - 1) / 2
        }
        var xTies = 0, jointTies = 0, xRun = 1, jointRun = 1
        for index in 1..<n {
            if xs[index] == xs[index - 1] {
                xRun += 1
                if ys[index] == ys[index - 1] {
                    jointRun += 1
                } else {
                    jointTies += jointRun * (jointRun - 1) / 2; jointRun = 1
                }
            } else {
                xTies += xRun * (xRun - 1) / 2
                jointTies += jointRun * (jointRun - 1) / 2
                xRun = 1
                jointRun = 1
            }
        }
        xTies += xRun * (xRun - 1) / 2
        jointTies += jointRun * (jointRun - 1) / 2
        let discordant = sortCountingSwaps(&ys)
        let yTies = tiedPairs(ys)
        let total = n * (n - 1) / 2
        let denominator = Double(total - xTies) * Double(total - yTies)
        guard denominator > 0 else { return nil }
        return Double(total - xTies - yTies + jointTies - 2 * discordant) / denominator.squareRoot()
    }

    /// Sorts ascending with a merge sort and returns the number of strictly inverted pairs it undid.
    private static func sortCountingSwaps(_ values: inout [Double]) -> Int {
        var buffer = values
        var swaps = 0
        var width = 1
        let count = values.count
        while width < count {
            var start = 0
            while start < count {
                let middle = min(start + width, count)
                let end = min(start + 2 * width, count)
                var left = start, right = middle, out = start
                while left < middle && right < end {
                    if values[right] < values[left] {
                        swaps += middle - left
                        buffer[out] = values[right]
                        right += 1
                    } else {
                        buffer[out] = values[left]
                        left += 1
                    }
                    out += 1
                }
                while left < middle { buffer[out] = values[left]; left += 1; out += 1 }
                while right < end { buffer[out] = values[right]; right += 1; out += 1 }
                start += 2 * width
            }
            swap(&values, &buffer)
            width *= 2
        }
        return swaps
    }
}
