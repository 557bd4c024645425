/// How a signal is scaled to 0...100 across the scored accounts before it is weighted.
public enum Normalisation: String, Sendable, Codable, CaseIterable {
    /// (x - min) / (max - min) x 100; a constant signal scales to `Normaliser.constantValue`.
    case minMax = "min-max"
    /// The mid-rank percentile: ties share the mean of their ranks; 0 for the lowest, 100 for the highest.
    case percentile
}

/// Scaling of whole columns; nil stays nil (the account has no such fact).
public enum Normaliser {
    /// The value a constant signal (max == min) scales to: it neither helps nor hurts any account.
    public static let constantValue = 50.0

    /// Scales a column with the chosen method; `invert` turns "more is worse" signals around after scaling.
    public static func scale(_ values: [Double?], by method: Normalisation, invert: Bool = false) -> [Double?] {
        let scaled = method == .minMax ? minMax(values) : percentile(values)
        return invert ? scaled.map { $0.map { 100 - $0 } } : scaled
    }

    /// Min-max scaling to 0...100.
    public static func minMax(_ values: [Double?]) -> [Double?] {
        let present = values.compactMap { $0 }
        guard let low = present.min(), let high = present.max() else { return values }
        guard high > low else { return values.map { $0.map { _ in constantValue } } }
        return values.map { $0.map { ($0 - low) / (high - low) * 100 } }
    }

    /// Mid-rank percentile scaling to 0...100: (values below + (ties - 1) / 2) / (n - 1) x 100.
    public static func percentile(_ values: [Double?]) -> [Double?] {
        let sorted = values.compactMap { $0 }.sorted()
        let count = sorted.count
        guard count > 1 else { return values.map { $0.map { _ in constantValue } } }
        return values.map { value in
            value.map { value in
                let below = lowerBound(sorted, value)
                let ties = upperBound(sorted, value) - below
                return (Double(below) + Double(ties - 1) / 2) / Double(count - 1) * 100
            }
        }
    }

    /// Quintile scores 1...5 with ties sharing a score: `ceil(5 x cume_dist)`, in integers `(5k + n - 1) / n`.
    ///
    /// k counts the accounts whose value is at or below this one (at or above when lower is better, as for recency),
    /// so the best value always scores 5 and no rounding can move a boundary.
    public static func quintiles(_ values: [Double?], higherIsBetter: Bool = true) -> [Int?] {
        let sorted = values.compactMap { $0 }.sorted()
        let count = sorted.count
        return values.map { value in
            value.map { value in
                let atOrWorse = higherIsBetter ? upperBound(sorted, value) : count - lowerBound(sorted, value)
                return (5 * atOrWorse + count - 1) / count
            }
        }
    }

    /// Scores 1...5 by four ascending bin edges.
    ///
    /// Lower is better (recency in days): at or under edge 1 scores 5, edge 2 scores 4, ..., above edge 4 scores 1.
    /// Higher is better (orders, spend): at or over edge 4 scores 5, edge 3 scores 4, ..., under edge 1 scores 1.
    public static func bins(_ values: [Double?], edges: [Double], higherIsBetter: Bool) -> [Int?] {
        values.map { value in
            value.map { value in
                if higherIsBetter {
                    return 1 + edges.filter { value >= $0 }.count
                }
                return 5 - edges.filter { value > $0 }.count
            }
        }
    }

    private static func lowerBound(_ sorted: [Double], _ value: Double) -> Int {
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }

    private static func upperBound(_ sorted: [Double], _ value: Double) -> Int {
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] <= value { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
