import ScoreKit

/// The signals of the referral score: value an account brings beyond its own revenue (seeds 000 and 003).
public enum ReferralSignal: String, WeightedSignal {
    /// Money paid in the window by the accounts it referred.
    case referredRevenue = "referred_revenue"
    /// Money paid in the window by the accounts its referred accounts referred in turn.
    case secondDegreeRevenue = "second_degree_revenue"
    /// A big logo: listed in `big_logos`, or at least `big_logo_employees` employees; 1 or 0.
    case bigLogo = "big_logo"
    /// Lighthouse and testimonial flags the team answered yes (assessment items), as a share of the flags; manual.
    case lighthouse

    /// The weight when the configuration gives none.
    public var defaultWeight: Double {
        switch self {
        case .referredRevenue: return 50
        case .bigLogo: return 30
        case .lighthouse: return 20
        case .secondDegreeRevenue: return 0
        }
    }

    /// True when people enter the signal.
    public var isManual: Bool { self == .lighthouse }
}
