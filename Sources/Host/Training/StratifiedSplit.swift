import Generator
/// A seeded split of rows into training and held-out parts with each label's share kept in both.
public enum StratifiedSplit {
    /// Row indexes for training and for holding out: `heldOutShare` of each label's rows, rounded, chosen by a
    /// seeded shuffle, so the same seed and rows give the same split.
    public static func split(labels: [Double], heldOutShare: Double, seed: UInt64) -> (training: [Int], heldOut: [Int])
    {
        var random = SeededRandom(seed: seed)
        var training: [Int] = []
        var heldOut: [Int] = []
        for label in Set(labels).sorted() {
            var rows = labels.indices.filter { labels[$0] == label }
            // Fisher-Yates.
            for index in stride(from: rows.count - 1, to: 0, by: -1) {
                let other = Int(random.next() % UInt64(index + 1))
                rows.swapAt(index, other)
            }
            let count = Int((Double(rows.count) * heldOutShare).rounded())
            heldOut += rows.prefix(count)
            training += rows.dropFirst(count)
        }
        return (training.sorted(), heldOut.sorted())
    }
}
