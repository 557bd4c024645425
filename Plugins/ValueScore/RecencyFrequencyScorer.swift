import ScoreKit

/// RFM and RFE: each letter scored 1-5 (quintiles by default, bins when configured), the code mapped to a segment.
///
/// The scored base is every account with a paid invoice on or before the as-of day. The score is the weighted mean
/// of the letters on 0...100 (a letter of 1 adds nothing, 5 adds its whole weight); the band is the segment.
struct RecencyFrequencyScorer {
    let configuration: ValueConfiguration

    func score(_ facts: FactTable) -> [ScoredAccount] {
        let window = configuration.windowDays
        let recencyColumn = facts.column(.daysSinceLastPayment)
        let base = recencyColumn.indices.filter { recencyColumn[$0] != nil }
        func baseColumn(_ key: FactKey) -> [Double?] {
            let column = facts.column(key)
            return base.map { column[$0] ?? 0 }
        }
        let thirdKey: FactKey =
            configuration.method == .rfe ? .keyFeatureUses(windowDays: window) : .paidAmount(windowDays: window)
        let thirdBins = configuration.method == .rfe ? configuration.engagementBins : configuration.monetaryBins
        let raw = [base.map { recencyColumn[$0] }, baseColumn(.paidInvoices(windowDays: window)), baseColumn(thirdKey)]
        let letters = [
            letterScores(raw[0], bins: configuration.recencyBins, higherIsBetter: false),
            letterScores(raw[1], bins: configuration.frequencyBins, higherIsBetter: true),
            letterScores(raw[2], bins: thirdBins, higherIsBetter: true),
        ]
        let weights = configuration.effectiveWeights
        let thirdLetter = configuration.method == .rfe ? "e" : "m"

        return base.indices.map { row in
            let scores = letters.map { $0[row] ?? 1 }
            let components = zip(weights, scores).enumerated().map { index, pair in
                Component(
                    signal: pair.0.name, raw: raw[index][row], normalised: Double(pair.1 - 1) * 25,
                    weight: pair.0.weight)
            }
            let value = components.total
            let segment =
                SegmentMap.segment(r: scores[0], f: scores[1], m: scores[2], rules: configuration.segments) ?? "Unnamed"
            return ScoredAccount(
                accountID: facts.accounts[base[row]].id, value: value, band: segment, components: components,
                details: [
                    ("code", .text(scores.map(String.init).joined())),
                    ("r", .integer(scores[0])), ("f", .integer(scores[1])), (thirdLetter, .integer(scores[2])),
                    ("segment", .text(segment)),
                ])
        }
    }

    private func letterScores(_ values: [Double?], bins: [Double]?, higherIsBetter: Bool) -> [Int?] {
        if let bins {
            return Normaliser.bins(values, edges: bins, higherIsBetter: higherIsBetter)
        }
        return Normaliser.quintiles(values, higherIsBetter: higherIsBetter)
    }
}
