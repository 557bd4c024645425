/// Why a model could not be trained, in one line.
public enum TrainingError: Error, CustomStringConvertible, Sendable, Equatable {
    /// No rows to fit.
    case noRows
    /// The normal equations had no unique solution.
    case singular
    /// Newton's method did not settle.
    case noConvergence(iterations: Int)
    /// The score's module trains no model.
    case notTrainable(score: String, module: String)
    /// The horizon reaches past the data, so outcomes are not known yet.
    case horizonPastData(score: String, horizonEnd: String, lastDay: String)
    /// One part of the split has fewer positives or negatives than the minimum.
    case tooFewOutcomes(score: String, part: String, positives: Int, negatives: Int, minimum: Int)
    /// A trained score has no stored model.
    case noModel(score: String)
    /// A stored model could not be read.
    case unreadableModel(score: String, reason: String)

    public var description: String {
        switch self {
        case .noRows: return "no rows to train on"
        case .singular: return "the features are collinear: the fit has no unique solution"
        case .noConvergence(let iterations): return "the fit did not converge in \(iterations) iterations"
        case .notTrainable(let score, let module):
            return "score \"\(score)\": module \(module) trains no model (churn does, with mode: trained)"
        case .horizonPastData(let score, let end, let last):
            return "score \"\(score)\": the horizon ends \(end), after the data's last day \(last); "
                + "outcomes are not known yet (pick an earlier --as-of)"
        case .tooFewOutcomes(let score, let part, let positives, let negatives, let minimum):
            return "score \"\(score)\": the \(part) part has \(positives) positive and \(negatives) negative rows, "
                + "at least \(minimum) of each are needed; no model stored, the previous one stays (widen --horizon, "
                + "move --as-of or lower --min-\(part == "training" ? "training" : "held-out"))"
        case .noModel(let score):
            return "score \"\(score)\" is mode trained but has no model yet; run `scorebook train \(score) "
                + "--outcome churned --horizon 90d --as-of YYYY-MM-DD`"
        case .unreadableModel(let score, let reason): return "score \"\(score)\": stored model unreadable: \(reason)"
        }
    }
}
