import ScoreKit

/// Settings of a `clv` score: the horizon, discounting, the minimum data to fit on, and value bands.
public struct LifetimeValueConfiguration: ModuleConfiguration, Equatable {
    public var horizonDays = 90
    public var discountRateYearly = 0.0
    public var minRepeatAccounts = 200
    /// Band label to the lowest value (currency units) it starts at.
    public var bandFloors: [String: Double] = ["High": 1_000, "Medium": 100, "Low": 0]

    public init() {}

    public static let settings: [Setting] = [
        Setting("horizon_days", "prediction horizon in days (default 90)"),
        Setting("discount_rate_yearly", "yearly discount rate applied over the horizon, e.g. 0.1 (default 0)"),
        Setting("min_repeat_accounts", "refuse to fit with fewer accounts with repeat purchases (default 200)"),
        Setting("band_floors", "label: lowest value in currency units (default High 1000, Medium 100, Low 0)"),
    ]

    enum CodingKeys: String, CodingKey {
        case horizonDays = "horizon_days"
        case discountRateYearly = "discount_rate_yearly"
        case minRepeatAccounts = "min_repeat_accounts"
        case bandFloors = "band_floors"
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        horizonDays = try container.decodeIfPresent(Int.self, forKey: .horizonDays) ?? 90
        discountRateYearly = try container.decodeIfPresent(Double.self, forKey: .discountRateYearly) ?? 0
        minRepeatAccounts = try container.decodeIfPresent(Int.self, forKey: .minRepeatAccounts) ?? 200
        bandFloors = try container.decodeIfPresent([String: Double].self, forKey: .bandFloors) ?? ["High": 1_000, "Medium": 100, "Low": 0]
    }

    public var signals: [SignalSpec] { [SignalSpec(name: "expected_value", share: 100)] }

    public func validate() throws {
        guard horizonDays > 0 else { throw ConfigurationProblem("must be a positive number of days, got \(horizonDays)", at: ["horizon_days"]) }
        guard (0..<1).contains(discountRateYearly) else {
            throw ConfigurationProblem("must be at least 0 and below 1, got \(discountRateYearly)", at: ["discount_rate_yearly"])
        }
        guard minRepeatAccounts >= 2 else { throw ConfigurationProblem("must be at least 2, got \(minRepeatAccounts)", at: ["min_repeat_accounts"]) }
        guard bandFloors.values.contains(0) else {
            throw ConfigurationProblem("one band must start at 0 so every value has a band", at: ["band_floors"])
        }
    }

    /// The band for a value: the highest floor it reaches.
    func band(for value: Double) -> String {
        bandFloors.filter { value >= $0.value }.max { $0.value < $1.value }?.key ?? "Low"
    }
}
