/// How a churn score is computed: weighted rules, or a logistic regression trained on past outcomes.
public enum ChurnMode: String, Sendable, Codable, CaseIterable {
    /// Weighted, normalised risk signals.
    case rules
    /// The latest model `scorebook train` stored for the score's name.
    case trained
}
