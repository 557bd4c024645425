import ScoreKit

extension HealthConfiguration: TunableConfiguration {
    /// The weights, the bands and each configured point grid, in force.
    public var tunables: [Tunable] {
        [.weights(effectiveWeights), .bands(effectiveBands)]
            + grids.keys.sorted().compactMap { signal in grids[signal].map { .grid($0, at: ["grids", signal]) } }
    }
}
