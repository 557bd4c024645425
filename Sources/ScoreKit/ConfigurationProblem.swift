/// A module's objection to its configuration: where (a key path inside the score's settings) and what.
///
/// The host turns the path into a file and line: `config/scorebook.yml:14: score "health": weights sum to 90, expected
/// 100`.
public struct ConfigurationProblem: Error, Sendable, Equatable, CustomStringConvertible {
    /// Keys from the score's settings down to the offending value (`["weights", "recency"]`); empty for the whole
    /// score.
    public let path: [String]
    /// What is wrong, in one line.
    public let message: String

    /// Creates a problem at a key path.
    public init(_ message: String, at path: [String] = []) {
        self.path = path
        self.message = message
    }

    public var description: String {
        path.isEmpty ? message : "\(path.joined(separator: ".")): \(message)"
    }
}
