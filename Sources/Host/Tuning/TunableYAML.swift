import ScoreKit
import Yams

/// A tunable as YAML: the node the module decodes, and its text in flow style (`{renewal: 45, support: 20}`) or as
/// block lines.
enum TunableYAML {
    /// The tunable as a node: a mapping, or a sequence for bin edges.
    static func node(_ tunable: Tunable) -> Node {
        if tunable.kind == .edge {
            return .sequence(Node.Sequence(tunable.entries.map { number($0.value ?? 0) }, .implicit, .flow))
        }
        let pairs = tunable.entries.map { entry -> (Node, Node) in
            switch tunable.kind {
            case .band, .share:
                let unit = tunable.kind == .share ? "%" : ""
                let range = "\(TuningNumber.yaml(entry.low ?? 0))-\(TuningNumber.yaml(entry.high ?? 0))\(unit)"
                return (Node(entry.key), Node(range, .implicit, .plain))
            case .points:
                return (Node(rangeText(entry), .implicit, .plain), number(entry.value ?? 0))
            case .weight, .value, .edge:
                return (Node(entry.key), number(entry.value ?? 0))
            }
        }
        return .mapping(Node.Mapping(pairs, .implicit, .flow))
    }

    /// A grid step's range as `PointGrid` reads it: `10+`, `5-9` or `0`.
    static func rangeText(_ entry: Tunable.Entry) -> String {
        let low = TuningNumber.yaml(entry.low ?? 0)
        guard let high = entry.high else { return low + "+" }
        return high == entry.low ? low : "\(low)-\(TuningNumber.yaml(high))"
    }

    /// A node in flow style on one line; nil for what a tuning edit never writes (aliases).
    static func flow(_ node: Node) -> String? {
        switch node {
        case .scalar(let scalar):
            return scalarText(scalar)
        case .mapping(let mapping):
            var parts: [String] = []
            for (key, value) in mapping {
                guard let keyText = flow(key), let valueText = flow(value) else { return nil }
                parts.append("\(keyText): \(valueText)")
            }
            return "{" + parts.joined(separator: ", ") + "}"
        case .sequence(let sequence):
            let items = sequence.map(flow)
            guard !items.contains(where: { $0 == nil }) else { return nil }
            return "[" + items.compactMap { $0 }.joined(separator: ", ") + "]"
        case .alias:
            return nil
        }
    }

    /// A scalar as written: one that was plain stays plain (so numbers, booleans and nulls keep their meaning)
    /// unless flow style cannot hold it; new text (style `any`) is plain only when it reads back as the same
    /// string; anything else is double-quoted.
    static func scalarText(_ scalar: Node.Scalar) -> String {
        let text = scalar.string
        switch scalar.style {
        case .plain where !text.contains(where: { ",[]{}#".contains($0) }) && !text.contains(": "):
            return text
        case .any where isPlainSafe(text):
            return text
        default:
            return JSONText.string(text)
        }
    }

    private static func number(_ value: Double) -> Node { Node(TuningNumber.yaml(value), .implicit, .plain) }

    /// Text YAML reads back as the same string in block and flow context: letters, digits and a few marks, no
    /// leading or trailing space, and not a word YAML 1.1 reads as a boolean or null.
    private static func isPlainSafe(_ text: String) -> Bool {
        guard text.range(of: #"^[A-Za-z0-9_]([A-Za-z0-9_ .%+-]*[A-Za-z0-9_.%+])?$"#, options: .regularExpression) != nil
        else { return false }
        return !reserved.contains(text.lowercased())
    }

    private static let reserved: Set<String> = ["y", "n", "yes", "no", "true", "false", "on", "off", "null"]
}
