/// One signal's part in an account's score: what went in, how it was scaled, and what it added.
///
/// `contribution = normalised x weight / 100`, and the contributions of an account sum to its score.
public struct Component: Sendable, Codable, Equatable {
    /// The signal's name (`recency`, `support_health`).
    public let signal: String
    /// The raw value before scaling (days, count, minor units); nil when the account has no such fact.
    public let raw: Double?
    /// The scaled value, 0...100.
    public let normalised: Double
    /// The signal's weight, a percentage of the score.
    public let weight: Double
    /// What the signal added to the score.
    public let contribution: Double
    /// True when people enter the signal (assessments, notes) rather than systems.
    public let isManual: Bool

    /// Creates a component; the contribution follows from the normalised value and the weight.
    public init(signal: String, raw: Double?, normalised: Double, weight: Double, isManual: Bool = false) {
        self.signal = signal
        self.raw = raw
        self.normalised = normalised
        self.weight = weight
        self.contribution = normalised * weight / 100
        self.isManual = isManual
    }

    /// Creates a component whose contribution is given, for scores that are not a weighted sum (a trained model's
    /// share of a probability; `normalised` and `weight` then say what the model saw and how it weighs it), and for
    /// components read back as they were stored.
    public init(
        signal: String, raw: Double?, normalised: Double, weight: Double, contribution: Double, isManual: Bool = false
    ) {
        self.signal = signal
        self.raw = raw
        self.normalised = normalised
        self.weight = weight
        self.contribution = contribution
        self.isManual = isManual
    }

    enum CodingKeys: String, CodingKey {
        case signal, raw, normalised, weight, contribution
        case isManual = "manual"
    }
}
