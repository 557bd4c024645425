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
    /// Monthly recurring revenue in force `daysBefore` days before the as-of day, in minor units; nil before the first
    /// change.
    case pastMRR(daysBefore: Int)
    /// Days from the as-of day to the next expected invoice: the last issue day plus the account's billing interval
    /// (the mean gap between its distinct issue days, 30 with only one); 0 when that day has passed.
    case daysToNextInvoice
    /// Key-feature uses in the window (product usage).
    case keyFeatureUses(windowDays: Int)
    /// Customer acquisition cost given for the account, in minor units.
    case acquisitionCost
    /// Yearly cost to serve the account, in minor units.
    case yearlyCostToServe
    /// The latest answer to an assessment item on or before the as-of day (yes = 1, no = 0, or a rating).
    case assessment(item: String)
    /// Distinct days with a paid invoice, minus one (the libraries' "frequency": repeat purchase days).
    case repeatPurchaseDays
    /// Days from the first to the last day with a paid invoice (the libraries' "recency").
    case purchaseSpanDays
    /// Mean paid amount of the repeat purchase days (the first day left out), in minor units; 0 without repeats.
    case repeatPurchaseValue
    /// Invoices issued in the window, leaving out void and draft ones.
    case invoicesIssued(windowDays: Int)
    /// Money due on the invoices issued in the window, in minor units.
    case invoicedAmount(windowDays: Int)
    /// Invoices issued in the window whose due day (the issue day when none is given) is on or before the as-of day.
    case invoicesDue(windowDays: Int)
    /// Of the invoices due, those paid on or before their due day and the as-of day.
    case invoicesPaidOnTime(windowDays: Int)
    /// Mean days past due over the invoices due: paid ones to their paid day, unpaid ones to the as-of day; 0 if on
    /// time.
    case averageDaysLate(windowDays: Int)
    /// Invoices issued in the window, due by the as-of day, that ended uncollectible (failed).
    case uncollectibleInvoices(windowDays: Int)
    /// Money due on invoices issued on or before the as-of day and not paid by then, in minor units.
    case openBalance
    /// Charges created in the window that failed (synced payments).
    case failedCharges(windowDays: Int)
    /// Charges created in the window that were disputed (synced payments; a dispute counts on its charge's day).
    case disputedCharges(windowDays: Int)
    /// Mean daily active users over the usage days in the window.
    case averageActiveUsers(windowDays: Int)
    /// Tickets opened on or before the as-of day and not closed by then.
    case unresolvedTickets
    /// High or urgent priority tickets opened in the window.
    case highPriorityTickets(windowDays: Int)
    /// The latest NPS answer (0-10) on or before the as-of day.
    case latestNPS
    /// The account's number of employees.
    case employees
    /// 1 when the account's industry is this one (compared without case), else 0; nil when the industry is unknown.
    case industry(String)
    /// 1 when the account's country is this one (compared without case), else 0; nil when the country is unknown.
    case country(String)
    /// Key-feature uses in the window, each day's weighted by 0.5^(days before the as-of day / half-life).
    case decayedKeyFeatureUses(halfLifeDays: Int, windowDays: Int)
    /// MRR rises (a first MRR, or one above the previous) in the window, each weighted by 0.5^(age / half-life).
    case decayedExpansions(halfLifeDays: Int, windowDays: Int)
    /// The most daily active users on any usage day in the window.
    case peakActiveUsers(windowDays: Int)
    /// Accounts created on or before the as-of day that this account referred, directly (1) or through one (2).
    case referredAccounts(degree: Int)
    /// Money paid in the window by the accounts of `referredAccounts(degree:)`, in minor units.
    case referredRevenue(degree: Int, windowDays: Int)
    /// Distinct contacts (by e-mail, else by record) whose last activity is in the window ending on the as-of day;
    /// 0 for an account with contacts but none engaged, nil for one without contacts.
    case engagedContacts(windowDays: Int)
    /// Distinct contacts known for the account (contacts carry no date of their own); nil for none.
    case knownContacts
    /// Deals won with a close day in the window (synced HubSpot deals, Salesforce opportunities).
    case wonDeals(windowDays: Int)
    /// Money on the deals open as of the day (created by then, not closed by then), in minor units.
    case openDealAmount

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
        case .pastMRR(let days): return "mrr[\(days)d before]"
        case .daysToNextInvoice: return "days_to_next_invoice"
        case .keyFeatureUses(let days): return "key_feature_uses[\(days)d]"
        case .acquisitionCost: return "acquisition_cost"
        case .yearlyCostToServe: return "yearly_cost_to_serve"
        case .assessment(let item): return "assessment[\(item)]"
        case .repeatPurchaseDays: return "repeat_purchase_days"
        case .purchaseSpanDays: return "purchase_span_days"
        case .repeatPurchaseValue: return "repeat_purchase_value"
        case .invoicesIssued(let days): return "invoices_issued[\(days)d]"
        case .invoicedAmount(let days): return "invoiced_amount[\(days)d]"
        case .invoicesDue(let days): return "invoices_due[\(days)d]"
        case .invoicesPaidOnTime(let days): return "invoices_paid_on_time[\(days)d]"
        case .averageDaysLate(let days): return "average_days_late[\(days)d]"
        case .uncollectibleInvoices(let days): return "uncollectible_invoices[\(days)d]"
        case .openBalance: return "open_balance"
        case .failedCharges(let days): return "failed_charges[\(days)d]"
        case .disputedCharges(let days): return "disputed_charges[\(days)d]"
        case .averageActiveUsers(let days): return "average_active_users[\(days)d]"
        case .unresolvedTickets: return "unresolved_tickets"
        case .highPriorityTickets(let days): return "high_priority_tickets[\(days)d]"
        case .latestNPS: return "latest_nps"
        case .employees: return "employees"
        case .industry(let name): return "industry[\(name)]"
        case .country(let name): return "country[\(name)]"
        case .decayedKeyFeatureUses(let half, let days): return "decayed_key_feature_uses[\(half)d half-life, \(days)d]"
        case .decayedExpansions(let half, let days): return "decayed_expansions[\(half)d half-life, \(days)d]"
        case .peakActiveUsers(let days): return "peak_active_users[\(days)d]"
        case .referredAccounts(let degree): return "referred_accounts[degree \(degree)]"
        case .referredRevenue(let degree, let days): return "referred_revenue[degree \(degree), \(days)d]"
        case .engagedContacts(let days): return "engaged_contacts[\(days)d]"
        case .knownContacts: return "known_contacts"
        case .wonDeals(let days): return "won_deals[\(days)d]"
        case .openDealAmount: return "open_deal_amount"
        }
    }
}
