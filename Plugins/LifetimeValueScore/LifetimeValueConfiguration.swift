import ScoreKit

/// Settings of a `clv` score: the horizon, discounting, the minimum data to fit on, and value bands.
public struct LifetimeValueConfiguration: ModuleConfiguration, Equatable {
    /// Days over which purchases are predicted.
    @Setting("horizon_days", help: "prediction horizon in days", check: .positiveDays)
    public var horizonDays = 90
    /// The yearly discount rate applied over the horizon.
    @Setting(
        "discount_rate_yearly", help: "yearly discount rate applied over the horizon, e.g. 0.1",
        check: SettingCheck { (0..<1).contains($0) ? nil : "must be at least 0 and below 1, got \($0)" })
    public var discountRateYearly = 0.0
    /// The fewest accounts with repeat purchases the models are fitted on.
    @Setting(
        "min_repeat_accounts", help: "refuse to fit with fewer accounts with repeat purchases", check: .atLeast(2))
    public var minRepeatAccounts = 200
    /// Band label to the lowest value (currency units) it starts at.
    @Setting(
        "band_floors", help: "label: lowest value in currency units",
        check: SettingCheck { $0.values.contains(0) ? nil : "one band must start at 0 so every value has a band" })
    public var bandFloors: [String: Double] = ["High": 1_000, "Medium": 100, "Low": 0]

    public init() {}

    public var signals: [SignalSpec] { [SignalSpec(name: "expected_value", share: 100)] }

    /// The band for a value: the highest floor it reaches.
    func band(for value: Double) -> String {
        bandFloors.filter { value >= $0.value }.max { $0.value < $1.value }?.key ?? "Low"
    }
}
