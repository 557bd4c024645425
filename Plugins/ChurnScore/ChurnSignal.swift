import ScoreKit

/// The signals of the rules-mode churn score, and the features of the trained mode; more of each is more risk.
public enum ChurnSignal: String, WeightedSignal {
    /// Change of key-feature uses in the last usage window against the window before, in percent (-100...100).
    case usageTrend = "usage_trend"
    /// High or urgent tickets opened in the ticket window.
    case highPriorityTickets = "high_priority_tickets"
    /// Invoices due in the payment window that were paid late, are still open past due, or failed.
    case paymentIssues = "payment_issues"
    /// 1 when the latest NPS answer is a detractor's (0 to `detractor_max`), else 0.
    case detractor
    /// MRR lost since `contraction_days` before the as-of day, in percent of the MRR then (0 when it grew).
    case mrrContraction = "mrr_contraction"
    /// Days to the next expected invoice (the renewal), capped at `renewal_horizon_days`; fewer is more risk.
    case renewalNear = "renewal_near"

    /// The weight when the configuration gives none.
    public var defaultWeight: Double {
        switch self {
        case .usageTrend: return 30
        case .highPriorityTickets, .paymentIssues, .detractor, .mrrContraction: return 15
        case .renewalNear: return 10
        }
    }

    /// True when a lower raw value is more risk, so the scaled value is turned around.
    public var isInverted: Bool { self == .usageTrend || self == .renewalNear }
}
