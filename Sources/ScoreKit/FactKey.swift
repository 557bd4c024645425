/// A per-account fact that a module asks the host for, computed as of the run's day.
///
/// Facts are numbers (money in minor units, counts, days); an account without the fact gets nil.
/// The host computes each fact with set-based SQL over its canonical tables, filtered to event time <= as-of.
public enum FactKey: Hashable, Sendable, CustomStringConvertible {
    /// Days from the issue day of the last paid invoice to the as-of day.
    case daysSinceLastPayment
    /// Paid invoices issued in the window that ends on the as-of day.
    case paidInvoices(windowDays: Int)
    /// Money paid on invoices issued in the window, in minor units.
    case paidAmount(windowDays: Int)
    /// Money paid on all invoices up to the as-of day, in minor units.
    case lifetimeRevenue
    /// Money paid on invoices issued in the first 365 days after the first paid invoice, in minor units.
    case firstYearRevenue
    /// Days from the first paid invoice to the as-of day.
    case tenureDays
    /// Distinct products on paid invoices in the window.
    case distinctProducts(windowDays: Int)
    /// Monthly recurring revenue at the as-of day, in minor units (from MRR changes).
    case currentMRR
    /// Key-feature uses in the window (product usage).
    case keyFeatureUses(windowDays: Int)
    /// Customer acquisition cost given for the account, in minor units.
    case acquisitionCost
    /// Yearly cost to serve the account, in minor units.
    case yearlyCostToServe
    /// The latest answer to an assessment item on or before the as-of day (yes = 1, no = 0, or a rating).
    case assessment(item: String)

    /// A stable name, used in listings and messages: `paid_invoices[365d]`, `assessment[need_fit]`.
    public var description: String {
        switch self {
        case .daysSinceLastPayment: return "days_since_last_payment"
        case .paidInvoices(let days): return "paid_invoices[\(days)d]"
        case .paidAmount(let days): return "paid_amount[\(days)d]"
        case .lifetimeRevenue: return "lifetime_revenue"
        case .firstYearRevenue: return "first_year_revenue"
        case .tenureDays: return "tenure_days"
        case .distinctProducts(let days): return "distinct_products[\(days)d]"
        case .currentMRR: return "current_mrr"
        case .keyFeatureUses(let days): return "key_feature_uses[\(days)d]"
        case .acquisitionCost: return "acquisition_cost"
        case .yearlyCostToServe: return "yearly_cost_to_serve"
        case .assessment(let item): return "assessment[\(item)]"
        }
    }
}
