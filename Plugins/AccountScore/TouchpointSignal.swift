/// The fields (profile attributes) and metrics (engagement data) a journey's touchpoints are scored from.
///
/// Each reads as its name says, more meaning more of it: more unresolved tickets are more of a complaints touchpoint.
/// A journey weighs them as they are, none is inverted; which journey a signal belongs in is the configuration's call.
public enum TouchpointSignal: String, Sendable, CaseIterable {
    /// Field: match with the revenue ICP, 0-100 by its rules.
    case revenueICP = "revenue_icp"
    /// Field: match with the brand-equity ICP, 0-100 by its rules.
    case brandICP = "brand_icp"
    /// Key-feature uses of the intent window, each day's decayed by its age.
    case productActivity = "product_activity"
    /// Peak daily active users of the engagement window per employee.
    case breadth
    /// Engaged contacts (their last activity in the contact window) against `committee_size`; for an account without
    /// contacts, the peak of daily active users.
    case committee
    /// MRR rises (new business, expansions) in the intent window, each decayed by its age.
    case dealActivity = "deal_activity"
    /// Deals won in the intent window.
    case wonDeals = "won_deals"
    /// Money on the deals open as of the day.
    case openPipeline = "open_pipeline"
    /// 100 when the latest NPS answer is at least `promoter_min`.
    case promoter
    /// Tickets opened by the day and not closed by then.
    case unresolvedTickets = "unresolved_tickets"
    /// High or urgent tickets opened in the ticket window.
    case highPriorityTickets = "high_priority_tickets"
    /// Percent of the invoices due in the payment window that were not paid on time.
    case latePayments = "late_payments"
    /// Percent of the invoices due in the payment window that were paid on time (a first invoice paid, for one).
    case onTimePayments = "on_time_payments"
    /// 100 when the latest NPS answer is at most `detractor_max`.
    case detractor
    /// Percent fall of key-feature uses in the engagement window against the one before (a rise is 0).
    case usageDecline = "usage_decline"
    /// Percent of the account's contacts without activity in the contact window.
    case quietContacts = "quiet_contacts"

    /// How a signal's raw value becomes 0-100.
    public enum Scaling: Sendable {
        /// Already on 0-100 (a match, a percent, a flag, a committee filled): used as it is.
        case absolute
        /// Scaled across the scored base by the score's `normalisation`.
        case acrossBase
    }

    /// How the signal is scaled.
    public var scaling: Scaling {
        switch self {
        case .productActivity, .breadth, .dealActivity, .wonDeals, .openPipeline, .unresolvedTickets,
            .highPriorityTickets:
            return .acrossBase
        case .revenueICP, .brandICP, .committee, .promoter, .latePayments, .onTimePayments, .detractor, .usageDecline,
            .quietContacts:
            return .absolute
        }
    }

    /// True for a profile attribute (a field), false for engagement data (a metric).
    public var isField: Bool { self == .revenueICP || self == .brandICP }
}
