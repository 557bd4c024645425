import ScoreKit

extension ChurnConfiguration: TunableConfiguration {
    /// The weights (rules mode only: a trained model learns its own) and the bands, in force.
    public var tunables: [Tunable] {
        (mode == .rules ? [.weights(effectiveWeights)] : []) + [.bands(effectiveBands)]
    }
}
