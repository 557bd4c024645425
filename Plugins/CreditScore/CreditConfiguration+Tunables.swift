import ScoreKit

extension CreditConfiguration: TunableConfiguration {
    /// The weights, the grade bands and the sector risk table, in force.
    public var tunables: [Tunable] {
        [
            .weights(effectiveWeights), .bands(effectiveBands),
            .values(sectors.map { ($0, sectorRisk[$0] ?? 0) }, at: ["sector_risk"]),
        ]
    }
}
