/// The area under the ROC curve: the chance a random positive scores above a random negative, ties counting half.
public enum ROCCurve {
    /// The AUC of `scores` against `labels` (1 positive, 0 negative), by mid-ranks (Mann-Whitney U); nil without
    /// both classes.
    public static func area(scores: [Double], labels: [Double]) -> Double? {
        let order = scores.indices.sorted { scores[$0] < scores[$1] }
        var ranks = Array(repeating: 0.0, count: scores.count)
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count && scores[order[end + 1]] == scores[order[start]] { end += 1 }
            // Ranks start..end (1-based start+1...end+1) share their mean.
            let rank = Double(start + end + 2) / 2
            for position in start...end { ranks[order[position]] = rank }
            start = end + 1
        }
        let positives = labels.filter { $0 == 1 }.count
        let negatives = labels.count - positives
        guard positives > 0, negatives > 0 else { return nil }
        let rankSum = zip(ranks, labels).reduce(0) { $0 + ($1.1 == 1 ? $1.0 : 0) }
        let u = rankSum - Double(positives * (positives + 1)) / 2
        return u / Double(positives * negatives)
    }
}
