import ScoreKit

extension ReferralConfiguration: TunableConfiguration {
    /// The weights and the bands, in force.
    public var tunables: [Tunable] { [.weights(effectiveWeights), .bands(effectiveBands)] }
}
