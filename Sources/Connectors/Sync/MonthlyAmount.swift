/// A recurring price as a monthly amount: Stripe's `interval`/`interval_count` and Chargebee's
/// `billing_period_unit`/`billing_period` name the same units (day, week, month, year).
enum MonthlyAmount {
    /// `amount` (minor units) charged every `count` `unit`s, per month; a missing unit counts as a month.
    static func of(_ amount: Double, every count: Int64, _ unit: String?) -> Double {
        let periods = Double(max(1, count))
        switch unit {
        case "year": return amount / 12 / periods
        case "week": return amount * 52 / 12 / periods
        case "day": return amount * 365 / 12 / periods
        default: return amount / periods
        }
    }
}
