/// A run's bands from best to worst, with a colour each: green for the best through amber to red for the worst.
///
/// Bands are ordered by their accounts' mean score (highest first when higher is better, lowest first for a risk
/// score such as churn), so the order holds for any labels a configuration gives; Green, Yellow, Amber and Red keep
/// their own colours.
struct BandOrder {
    /// Band labels, best first.
    let labels: [String]

    init(values: [(band: String, value: Double)], higherIsBetter: Bool) {
        var sums: [String: (total: Double, count: Int)] = [:]
        for item in values {
            sums[item.band, default: (0, 0)].total += item.value; sums[item.band, default: (0, 0)].count += 1
        }
        let means = sums.mapValues { $0.total / Double(max($0.count, 1)) }
        labels = means.keys.sorted { first, second in
            let (a, b) = (means[first] ?? 0, means[second] ?? 0)
            if a != b { return higherIsBetter ? a > b : a < b }
            return first < second
        }
    }

    /// The worst band's label.
    var worst: String? { labels.last }

    /// The colour of a band, by name for the traffic-light labels, else by its place from best to worst.
    func colour(of band: String) -> String {
        switch band.lowercased() {
        case "green": return Self.green
        case "yellow", "amber": return Self.amber
        case "red": return Self.red
        default: break
        }
        guard let index = labels.firstIndex(of: band), labels.count > 1 else { return Self.green }
        return Self.blend(Double(index) / Double(labels.count - 1))
    }

    static let green = "#2e8b57", amber = "#e0a100", red = "#c0392b"

    /// Green at 0, amber at 0.5, red at 1.
    private static func blend(_ position: Double) -> String {
        let stops: [(Double, Double, Double)] = [(46, 139, 87), (224, 161, 0), (192, 57, 43)]
        let scaled = position * 2
        let index = min(1, Int(scaled))
        let t = scaled - Double(index)
        let (a, b) = (stops[index], stops[index + 1])
        func channel(_ x: Double, _ y: Double) -> String {
            let value = Int((x + (y - x) * t).rounded())
            let hex = String(value, radix: 16)
            return hex.count == 1 ? "0" + hex : hex
        }
        return "#" + channel(a.0, b.0) + channel(a.1, b.1) + channel(a.2, b.2)
    }
}
