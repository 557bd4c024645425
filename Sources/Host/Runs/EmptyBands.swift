import ScoreKit

/// The warning a run earns for each configured band it left empty: an at-risk list with nobody in it flags nothing.
public enum EmptyBands {
    /// One line per band of `bands` with no account among `counts`, highest band first.
    public static func warnings(bands: Bands, counts: [(band: String, count: Int)]) -> [String] {
        let total = counts.reduce(0) { $0 + $1.count }
        let filled = Set(counts.filter { $0.count > 0 }.map(\.band))
        let kind = bands.isShareOfBase ? "" : "; bands by share of the base (such as High: 90-100%) always fill"
        return bands.labels.filter { !filled.contains($0) }.map { label in
            "band \(label) is empty (0 of \(total) accounts)\(kind)"
        }
    }
}
