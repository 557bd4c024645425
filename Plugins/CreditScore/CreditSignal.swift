import ScoreKit

/// The signals of the credit score: payment history (invoices and charges), receivables, company size and sector risk.
public enum CreditSignal: String, WeightedSignal {
    /// Share of the invoices due in the window not paid on time (paid late or still unpaid), in percent.
    case lateShare = "late_share"
    /// Mean days past due over the invoices due in the window.
    case daysLate = "days_late"
    /// Days sales outstanding: the open balance over the money paid per day in the window, at most the window.
    case dso
    /// Invoices due in the window that ended uncollectible (failed charges).
    case uncollectible
    /// The open balance in typical invoices: open balance over the mean invoice of the window.
    case openBalance = "open_balance"
    /// Employees, scaled on a log scale (10 to 100 counts as much as 100 to 1,000).
    case companySize = "company_size"
    /// The configured risk of the account's sector, 0-100, used as given (already on the 0-100 scale).
    case sectorRisk = "sector_risk"
    /// Charges in the window that failed (synced payments); an account without charge history is neutral.
    case failedCharges = "failed_charges"
    /// Charges in the window that were disputed (synced payments); an account without charge history is neutral.
    case disputes

    /// The weight when the configuration gives none.
    public var defaultWeight: Double {
        switch self {
        case .lateShare: return 20
        case .daysLate, .dso, .uncollectible, .sectorRisk: return 15
        case .openBalance, .companySize: return 10
        // Opt-in: only synced billing has charges, and a signal every imported account lacks would flatten scores.
        case .failedCharges, .disputes: return 0
        }
    }

    /// True when more of the signal is worse for credit, so it is turned around after scaling.
    public var isInverted: Bool { self != .companySize }
}
