import Foundation
import ScoreKit
import Yams

/// Turns one score's YAML node into a checked `NamedScore`, mapping every problem to its line.
struct NamedScoreParser {
    let file: String
    let name: String
    let keyLine: Int?
    let node: Node

    func parse() throws -> NamedScore {
        guard let mapping = node.mapping else {
            throw error("expected settings under the score, at least `module:`", line: node.mark?.line ?? keyLine)
        }
        guard let moduleNode = mapping["module"], let identifier = moduleNode.string else {
            throw error("no `module:` (modules: \(ModuleRegistry.identifiers.joined(separator: ", ")))", line: keyLine)
        }
        guard let module = ModuleRegistry.module(identifier) else {
            throw error(
                "unknown module \"\(identifier)\" (modules: \(ModuleRegistry.identifiers.joined(separator: ", ")))",
                line: moduleNode.mark?.line)
        }
        return try configure(module, mapping: mapping)
    }

    private func configure<Module: ScoreModule>(_ module: Module.Type, mapping: Node.Mapping) throws -> NamedScore {
        let known = Module.Configuration.settings.map(\.key)
        var settings: [(Node, Node)] = []
        for (key, value) in mapping {
            let keyText = key.string ?? ""
            if ScorebookConfiguration.hostKeys.contains(keyText) { continue }
            guard known.contains(keyText) else {
                let hint = Suggestion.closest(to: keyText, among: known).map { "; did you mean \($0)?" } ?? ""
                throw error("unknown key \"\(keyText)\" for module \(Module.identifier)\(hint)", line: key.mark?.line)
            }
            settings.append((key, value))
        }
        let settingsNode = Self.plainKeys(Node.mapping(Node.Mapping(settings)))
        let configuration: Module.Configuration
        do {
            configuration = try SettingsCheck.configuration(of: module, from: settingsNode)
        } catch let problem as ConfigurationProblem {
            throw error(problem.message, line: line(of: problem.path, in: settingsNode))
        }
        let actions = try mapping["actions"].map { try ActionSpec.parse($0, file: file, score: name) } ?? [:]
        var contactAge = NamedScore.defaultContactMaxAgeDays
        if let node = mapping["contact_max_age_days"] {
            guard let days = node.int, days > 0 else {
                throw error("contact_max_age_days must be a positive number of days", line: node.mark?.line)
            }
            contactAge = days
        }
        let segment = try mapping.first { $0.key.string == "where" }.map { entry in
            try SegmentParser(file: file, score: name).parse(entry.value, keyLine: entry.key.mark?.line)
        }
        var rollup: RollupMethod?
        if let node = mapping["rollup"] {
            let methods = RollupMethod.allCases.map(\.rawValue).joined(separator: ", ")
            guard let method = node.string.flatMap(RollupMethod.init(rawValue:)) else {
                throw error("rollup must be one of \(methods), got \"\(node.string ?? "")\"", line: node.mark?.line)
            }
            guard configuration is any BandedConfiguration else {
                throw error(
                    "rollup needs bands that follow the score's value; module \(Module.identifier) does not have them",
                    line: node.mark?.line)
            }
            rollup = method
        }
        return NamedScore(
            name: name, module: module, description: mapping["description"]?.string, configuration: configuration,
            canonicalConfiguration: try canonicalJSON(configuration), segment: segment, actions: actions,
            contactMaxAgeDays: contactAge, rollup: rollup)
    }

    /// The node with every mapping key as a plain scalar: Yams finds keys by value and tag, so a quoted key such as
    /// `"0"` (a string) would not be found when looked up as `0` (an integer).
    static func plainKeys(_ node: Node) -> Node {
        switch node {
        case .mapping(let mapping):
            let pairs = mapping.map { key, value -> (Node, Node) in
                var plain = key.string.map { Node($0) } ?? key
                if case .scalar(var scalar) = plain, let mark = key.mark {
                    scalar.mark = mark
                    plain = .scalar(scalar)
                }
                return (plain, plainKeys(value))
            }
            var rebuilt = Node.Mapping(pairs, mapping.tag, mapping.style)
            rebuilt.mark = mapping.mark
            return .mapping(rebuilt)
        case .sequence(let sequence):
            var rebuilt = Node.Sequence(sequence.map(plainKeys), sequence.tag, sequence.style)
            rebuilt.mark = sequence.mark
            return .sequence(rebuilt)
        default:
            return node
        }
    }

    /// The settings as `JSONEncoder` writes them, keys sorted: each run stores them and their fingerprint, so they stay
    /// these bytes (`CanonicalConfigurationTests`) rather than `JSONWriter`'s, which differ (`/` is not `\/` there).
    private func canonicalJSON(_ configuration: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(configuration), as: UTF8.self)
    }

    private func error(_ message: String, line: Int?) -> ConfigError {
        ConfigError(file: file, line: line, score: name, message: message)
    }

    /// The line of the deepest key on `path` that exists in the node.
    private func line(of path: [String], in settings: Node) -> Int? {
        var current = settings
        var line = keyLine
        for component in path {
            if let mapping = current.mapping, let entry = mapping.first(where: { $0.key.string == component }) {
                line = entry.key.mark?.line ?? line
                current = entry.value
            } else if let sequence = current.sequence, let index = Int(component), sequence.indices.contains(index) {
                current = sequence[index]
                line = current.mark?.line ?? line
            } else {
                break
            }
        }
        return line
    }

    static func describe(_ error: DecodingError) -> (path: [String], message: String) {
        func path(_ context: DecodingError.Context) -> [String] {
            context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }
        }
        switch error {
        case .typeMismatch(let type, let context):
            let keys = path(context)
            return (keys, "\(keys.last ?? "value"): expected \(Self.typeName(type))")
        case .valueNotFound(let type, let context):
            let keys = path(context)
            return (keys, "\(keys.last ?? "value"): missing \(Self.typeName(type))")
        case .keyNotFound(let key, let context):
            return (path(context), "missing key \(key.stringValue)")
        case .dataCorrupted(let context):
            let keys = path(context)
            return (keys, "\(keys.last.map { "\($0): " } ?? "")\(Self.plain(context.debugDescription))")
        @unknown default:
            return ([], "\(error)")
        }
    }

    /// Foundation's "Cannot initialize Normalisation from invalid String value x" as a reader says it.
    private static func plain(_ description: String) -> String {
        let prefix = "Cannot initialize "
        guard description.hasPrefix(prefix), let range = description.range(of: " value ") else { return description }
        let type = description.dropFirst(prefix.count).prefix { $0 != " " }
        let value = description[range.upperBound...]
        let cases = Normalisation.allCases.map(\.rawValue).joined(separator: ", ")
        let known = type == "Normalisation" ? " (one of: \(cases))" : ""
        return "\"\(value)\" is not a known value\(known)"
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type, is Double.Type: return "a number"
        case is String.Type: return "text"
        case is Bool.Type: return "true or false"
        case is [Double].Type, is [String].Type, is [Int].Type: return "a list"
        default:
            let name = String(describing: type)
            if name.hasPrefix("Array") { return "a list" }
            if name.hasPrefix("Dictionary") { return "a mapping" }
            return name
        }
    }
}

/// The closest known word to a misspelt one, by edit distance.
enum Suggestion {
    static func closest(to word: String, among candidates: [String]) -> String? {
        let scored = candidates.map { ($0, distance(word, $0)) }.min { $0.1 < $1.1 }
        guard let (candidate, cost) = scored, cost <= max(2, word.count / 3) else { return nil }
        return candidate
    }

    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in stride(from: 1, through: b.count, by: 1) {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return a.isEmpty ? b.count : previous[b.count]
    }
}
