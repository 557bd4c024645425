import ScoreKit

/// What a shell session remembers between commands: the current score, the as-of day, and whether to time commands.
struct SessionState {
    /// The score `use NAME` chose, filled into `show`, `explain ACCOUNT`, `compare OTHER`, `validate` and `assess`.
    var score: String?
    /// The day `as-of DATE` chose, passed to `run` and `validate` as `--as-of`.
    var asOf: Day?
    /// Whether each command's wall time is printed after it.
    var isTiming = false

    /// Options of the commands the session fills in that take a value (so their values are not positionals).
    private static let valueOptions: Set<String> = [
        "--db", "--config", "--run", "--band", "--top", "--format", "--as-of", "--outcome", "--horizon",
        "--holdout-days", "--author", "--score",
    ]

    /// The prompt, naming the score and day when set: `scorebook [health @2025-01-01]> `.
    var prompt: String {
        let parts = [score, asOf.map { "@\($0)" }].compactMap { $0 }
        return parts.isEmpty ? "scorebook> " : "scorebook [\(parts.joined(separator: " "))]> "
    }

    /// The words positioned as arguments rather than options or option values.
    static func positionals(_ words: [String]) -> [String] {
        var result: [String] = []
        var skipNext = false
        for word in words {
            if skipNext {
                skipNext = false
            } else if word.hasPrefix("-") {
                skipNext = valueOptions.contains(word)
            } else {
                result.append(word)
            }
        }
        return result
    }

    /// The command's arguments with the session's score and day filled in where the command leaves them out.
    func expand(_ command: String, _ arguments: [String]) -> [String] {
        let count = Self.positionals(arguments).count
        var expanded = arguments
        switch command {
        case "show", "validate", "act":
            if count == 0, let score { expanded.insert(score, at: 0) }
        case "explain", "compare":
            if count == 1, let score { expanded.insert(score, at: 0) }
        default:
            break
        }
        if ["run", "validate"].contains(command), let asOf, !arguments.contains(where: { $0.hasPrefix("--as-of") }) {
            expanded += ["--as-of", asOf.description]
        }
        return expanded
    }
}
