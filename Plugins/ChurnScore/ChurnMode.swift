import ScoreKit

/// How a churn score is computed: weighted rules, or a logistic regression trained on past outcomes.
public enum ChurnMode: String, SettingChoice {
    /// Weighted, normalised risk signals.
    case rules
    /// The latest model `scorebook train` stored for the score's name.
    case trained

    /// What each mode scores with, for the help.
    public var note: String? {
        switch self {
        case .rules: return "weighted signals"
        case .trained: return "the model `scorebook train` stored for the score"
        }
    }

    /// Decodes a mode, naming both when the text is neither.
    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let mode = ChurnMode(rawValue: text) else {
            throw ConfigurationProblem(
                "mode must be rules or trained, got \"\(text)\"", at: decoder.codingPath.map(\.stringValue))
        }
        self = mode
    }
}
