import ScoreKit

extension ValueConfiguration: TunableConfiguration {
    /// The weights, the bin edges that are set, and the bands where the method uses them (contract and
    /// qualitative; RFM and RFE label by segment).
    public var tunables: [Tunable] {
        let bins: [(String, [Double]?)] = [
            ("recency_bins", recencyBins), ("frequency_bins", frequencyBins), ("monetary_bins", monetaryBins),
            ("engagement_bins", engagementBins),
        ]
        let usesBands = method == .contract || method == .qualitative
        return [.weights(effectiveWeights)]
            + bins.compactMap { key, edges in edges.map { .edges($0, at: [key]) } }
            + (usesBands ? [.bands(effectiveBands)] : [])
    }
}
