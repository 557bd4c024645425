import Foundation
import ScoreKit
import Yams

/// The operator's configuration (`config/scorebook.yml`): the named scores, each a module and its settings.
///
/// ```yaml
/// scores:
///   rfm:
///     module: value
///     window_days: 365
/// ```
/// Every problem is reported with the file, the line and the score; unknown keys are errors.
public struct ScorebookConfiguration: Sendable {
    /// The file as the user named it.
    public let file: String
    /// The named scores, in file order.
    public let scores: [NamedScore]
    /// The sources to sync from, in file order.
    public let sources: [SourceConfiguration]

    /// Keys a score accepts besides its module's settings.
    static let hostKeys = ["module", "description", "where", "actions", "contact_max_age_days", "rollup"]

    /// Reads and checks a configuration file.
    public static func load(path: String) throws -> ScorebookConfiguration {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ConfigError(
                file: path, line: nil, message: "cannot read the file (run `scorebook init` to write a starter one)")
        }
        return try parse(yaml: text, file: path)
    }

    /// Parses and checks configuration text; `file` names it in errors.
    public static func parse(yaml text: String, file: String) throws -> ScorebookConfiguration {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw ConfigError(file: file, line: nil, message: "the file is empty; it needs a `scores:` mapping")
            }
            root = node
        } catch let error as YamlError {
            throw syntaxError(error, file: file)
        }
        guard let mapping = root.mapping else {
            throw ConfigError(
                file: file, line: root.mark?.line, message: "expected a mapping with `scores:` at the top")
        }
        for (key, _) in mapping where !["scores", "sources"].contains(key.string ?? "") {
            throw ConfigError(
                file: file, line: key.mark?.line,
                message: "unknown top-level key \"\(key.string ?? "?")\" (known: scores, sources)")
        }
        let sources = try mapping["sources"].map { try SourceConfiguration.parse($0, file: file) } ?? []
        guard let scoresNode = mapping["scores"] else {
            throw ConfigError(file: file, line: root.mark?.line, message: "no `scores:` mapping")
        }
        guard let scoreMapping = scoresNode.mapping else {
            throw ConfigError(
                file: file, line: scoresNode.mark?.line, message: "`scores:` must map score names to their settings")
        }
        var scores: [NamedScore] = []
        for (key, node) in scoreMapping {
            let name = key.string ?? ""
            guard name.range(of: #"^[A-Za-z][A-Za-z0-9_\-]*$"#, options: .regularExpression) != nil else {
                throw ConfigError(
                    file: file, line: key.mark?.line,
                    message: "score name \"\(name)\" must start with a letter and use letters, digits, _ or -")
            }
            scores.append(try NamedScoreParser(file: file, name: name, keyLine: key.mark?.line, node: node).parse())
        }
        return ScorebookConfiguration(file: file, scores: scores, sources: sources)
    }

    /// The configured sources with these names (all when none are given), or an error naming an unknown one.
    public func sources(named names: [String]) throws -> [SourceConfiguration] {
        guard !names.isEmpty else { return sources }
        return try names.map { name in
            guard let source = sources.first(where: { $0.name == name }) else {
                let known = sources.map(\.name).joined(separator: ", ")
                throw ConfigError(
                    file: file, line: nil,
                    message: "source \"\(name)\" is not configured (configured: \(known.isEmpty ? "none" : known))")
            }
            return source
        }
    }

    /// The named score, or an error suggesting the closest configured name (else listing them).
    public func score(named name: String) throws -> NamedScore {
        guard let score = scores.first(where: { $0.name == name }) else {
            let message = NameSuggestion.notConfigured(name, configured: scores.map(\.name))
            throw ConfigError(file: file, line: nil, score: name, message: message)
        }
        return score
    }

    private static func syntaxError(_ error: YamlError, file: String) -> ConfigError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return ConfigError(file: file, line: mark.line, message: "YAML syntax: \(problem)")
        default:
            return ConfigError(file: file, line: nil, message: "YAML: \(error)")
        }
    }
}
