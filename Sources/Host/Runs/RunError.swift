import ScoreKit

/// Why a run was refused, in one line.
public enum RunError: Error, CustomStringConvertible, Sendable {
    /// No account had the facts the score needs on or before the day.
    case nothingScored(score: String, asOf: Day)
    /// A `where:` filter names a field no account has.
    case unknownField(score: String, field: String, available: [String])

    public var description: String {
        switch self {
        case .nothingScored(let score, let asOf):
            return "\(score): no account could be scored as of \(asOf) (no data on or before that day?); nothing stored"
        case .unknownField(let score, let field, let available):
            return
                "\(score): where: no account has a field \"\(field)\" (available: \(available.joined(separator: ", ")))"
        }
    }
}
