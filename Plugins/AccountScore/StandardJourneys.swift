import ScoreKit

/// The journeys an account score can score without configuring any: seed 002's two endings, expansion (happy) and
/// attrition (sad), each from the data Scorebook holds.
public enum StandardJourneys {
    /// Expansion: product adoption, a committee of engaged contacts and promoters, hand-raising deal activity, fit.
    public static let expansion = Journey(touchpoints: [
        "adoption": Touchpoint(weight: 35, signals: ["product_activity": 70, "breadth": 30]),
        "relationship": Touchpoint(weight: 25, signals: ["committee": 70, "promoter": 30]),
        "hand_raisers": Touchpoint(weight: 25, signals: ["open_pipeline": 40, "won_deals": 30, "deal_activity": 30]),
        "fit": Touchpoint(weight: 15, signals: ["revenue_icp": 70, "brand_icp": 30]),
    ])

    /// Attrition: complaints, payment friction, going quiet (usage falling, contacts silent) and detraction.
    public static let attrition = Journey(
        isRisk: true,
        touchpoints: [
            "complaints": Touchpoint(weight: 30, signals: ["unresolved_tickets": 50, "high_priority_tickets": 50]),
            "payment_friction": Touchpoint(weight: 25, signals: ["late_payments": 100]),
            "going_quiet": Touchpoint(weight: 25, signals: ["usage_decline": 60, "quiet_contacts": 40]),
            "detraction": Touchpoint(weight: 20, signals: ["detractor": 100]),
        ])

    /// The journeys by name.
    public static let all: [String: Journey] = ["expansion": expansion, "attrition": attrition]

    /// Default bands of a journey towards a happy ending, by share of the base.
    ///
    /// The top 10% are Tier 1, the next 20% Tier 2. A sum of many scaled signals seldom reaches 70, so value bands
    /// would leave Tier 1 nearly empty.
    public static let bands = Bands.topTenth("Tier 1", nextFifth: "Tier 2", rest: "Tier 3")

    /// Default bands of a risk journey, by share of the base: the 10% nearest the loss High, the next 20% Medium.
    public static let riskBands = Bands.topTenth("High", nextFifth: "Medium", rest: "Low")
}
