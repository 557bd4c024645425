/// A configuration problem, said in one line with the file, the line and the score:
/// `config/scorebook.yml:14: score "health": weights sum to 90, expected 100`.
public struct ConfigError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The configuration file as the user named it.
    public let file: String
    /// The 1-based line, when known.
    public let line: Int?
    /// The named score concerned, if any.
    public let score: String?
    /// What is wrong.
    public let message: String

    /// Creates an error.
    public init(file: String, line: Int?, score: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.score = score
        self.message = message
    }

    public var description: String {
        let place = line.map { "\(file):\($0)" } ?? file
        let subject = score.map { "score \"\($0)\": " } ?? ""
        return "\(place): \(subject)\(message)"
    }
}
