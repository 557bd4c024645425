import ScoreKit
import Yams

/// A configured score's tunables in force: the ones its module lists, else the ones its YAML spells out.
enum ScoreTunables {
    /// The tunables of `score`, configured in `text`.
    static func of(_ score: NamedScore, in text: String) throws -> [Tunable] {
        if let listed = score.tunables { return listed }
        return try settings(of: score.name, in: text).map { LiteralTunables.read($0) } ?? []
    }

    /// The module settings of a score in configuration text: its mapping without the host's keys (`module`,
    /// `where`, `actions`...), keys made plain as the parser reads them.
    static func settings(of score: String, in text: String) throws -> Node? {
        guard let mapping = try Yams.compose(yaml: text)?.mapping?["scores"]?.mapping?[score]?.mapping else {
            return nil
        }
        let settings = mapping.filter { !ScorebookConfiguration.hostKeys.contains($0.key.string ?? "") }
        return NamedScoreParser.plainKeys(.mapping(Node.Mapping(settings.map { ($0.key, $0.value) })))
    }
}
