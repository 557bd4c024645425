import ScoreKit

/// The signals of the health score (seed 004): renewal behaviour, key-feature usage, support, and two optional ones.
public enum HealthSignal: String, WeightedSignal {
    /// Share of the invoices due in the renewal window that were paid on time, in percent.
    case renewal
    /// Key-feature uses per active user in the usage window (not logins).
    case featureUsage = "feature_usage"
    /// Unresolved tickets as of the day plus high-priority tickets opened in the ticket window; more is worse.
    case support
    /// The latest NPS answer, 0-10.
    case nps
    /// Mean daily active users in the usage window per employee of the account.
    case activeUsersRatio = "active_users_ratio"

    /// The weight when the configuration gives none: 40/35/25, the optional signals 0.
    public var defaultWeight: Double {
        switch self {
        case .renewal: return 40
        case .featureUsage: return 35
        case .support: return 25
        case .nps, .activeUsersRatio: return 0
        }
    }

    /// True when more of the signal is worse, so it is turned around after scaling.
    public var isInverted: Bool { self == .support }
}
