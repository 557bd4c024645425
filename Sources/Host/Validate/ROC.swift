/// The area under the ROC curve, as scikit-learn's roc_auc_score computes it: the Mann-Whitney U with average ranks,
/// so tied scores count half.
public enum ROC {
    /// AUC of `scores` predicting `labels` (true = positive); nil without both classes.
    public static func auc(scores: [Double], labels: [Bool]) -> Double? {
        let positives = labels.filter { $0 }.count
        let negatives = labels.count - positives
        guard positives > 0, negatives > 0 else { return nil }
        let ranks = RankCorrelation.averageRanks(scores)
        let rankSum = zip(ranks, labels).reduce(0.0) { $0 + ($1.1 ? $1.0 : 0) }
        let u = rankSum - Double(positives) * Double(positives + 1) / 2
        return u / (Double(positives) * Double(negatives))
    }

    /// The ROC curve's points (false positive rate, true positive rate), one per distinct score, from (0,0) to (1,1).
    public static func curve(scores: [Double], labels: [Bool]) -> [(
        falsePositiveRate: Double, truePositiveRate: Double
    )] {
        let positives = Double(labels.filter { $0 }.count)
        let negatives = Double(labels.count) - positives
        guard positives > 0, negatives > 0 else { return [] }
        let order = scores.indices.sorted { scores[$0] > scores[$1] }
        var points = [(0.0, 0.0)]
        var truePositives = 0.0, falsePositives = 0.0
        for (offset, index) in order.enumerated() {
            if labels[index] { truePositives += 1 } else { falsePositives += 1 }
            let last = offset == order.count - 1
            if last || scores[order[offset + 1]] != scores[index] {
                points.append((falsePositives / negatives, truePositives / positives))
            }
        }
        return points
    }
}
