import ScoreKit

extension LifetimeValueConfiguration: TunableConfiguration {
    /// The band floors, highest first.
    public var tunables: [Tunable] {
        [
            .values(
                bandFloors.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { ($0.key, $0.value) },
                at: ["band_floors"])
        ]
    }
}
