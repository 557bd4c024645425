import ScoreKit

/// The groups of the account score (seed 002's multi-tier model): each has a weight, its signals weights inside it.
public enum AccountGroup: String, WeightedSignal {
    /// Fit with the ideal customer profiles.
    case fit
    /// Recent activity, decayed: product use and deal activity.
    case intent
    /// The breadth of people engaged: a buying committee rather than one contact.
    case engagement

    /// The group's weight when the configuration gives none.
    public var defaultWeight: Double {
        switch self {
        case .fit: return 40
        case .intent: return 30
        case .engagement: return 30
        }
    }

    /// The group's signals, in order.
    public var signals: [AccountSignal] { AccountSignal.allCases.filter { $0.group == self } }
}

/// The leaf signals of the account score, each inside one group.
public enum AccountSignal: String, WeightedSignal {
    /// Match with the revenue ICP, 0-100 by its rules.
    case revenueICP = "revenue_icp"
    /// Match with the brand-equity ICP, 0-100 by its rules.
    case brandICP = "brand_icp"
    /// Key-feature uses, each day's decayed by its age (half-life `half_life_days`).
    case productActivity = "product_activity"
    /// MRR rises (new business, expansions), each decayed by its age.
    case dealActivity = "deal_activity"
    /// Engaged contacts (peak daily active users for an account without contacts) against the size of a buying
    /// committee: 1 is weak, `committee_size` (6) or more full.
    case committee
    /// Peak daily active users per employee, scaled across the base.
    case breadth

    /// The group the signal belongs to.
    public var group: AccountGroup {
        switch self {
        case .revenueICP, .brandICP: return .fit
        case .productActivity, .dealActivity: return .intent
        case .committee, .breadth: return .engagement
        }
    }

    /// The same signal in the journeys' catalogue, which reads and scales it.
    var touchpointSignal: TouchpointSignal {
        switch self {
        case .revenueICP: return .revenueICP
        case .brandICP: return .brandICP
        case .productActivity: return .productActivity
        case .dealActivity: return .dealActivity
        case .committee: return .committee
        case .breadth: return .breadth
        }
    }

    /// The weight inside its group when the configuration gives none.
    public var defaultWeight: Double {
        switch self {
        case .revenueICP: return 70
        case .brandICP: return 30
        case .productActivity: return 70
        case .dealActivity: return 30
        case .committee: return 80
        case .breadth: return 20
        }
    }
}
