import ScoreKit
import Yams

/// Writes one tunable into a configuration file's text in place, leaving every other line as it was.
///
/// Only the lines of the setting change, so the other scores, the comments around it and the file's layout stay:
/// a setting written in flow style (`weights: {renewal: 40, support: 25}`) is rewritten on its line, keeping the
/// line's comment; one written as block lines is rewritten as block lines; a setting the file leaves to the module's
/// defaults is added as a line at the end of the score. A setting inside a flow collection
/// (`weights: {fit: {...}, intent: {...}}`) rewrites that collection.
struct TunableEdit {
    /// The score's name.
    let score: String
    /// The setting with its new values.
    let tunable: Tunable

    /// Why the text cannot be edited in place.
    struct Problem: Error {
        let message: String
    }

    /// The text with the setting written.
    func apply(to text: String) throws -> String {
        let newline = text.contains("\r\n") ? "\r\n" : "\n"
        var lines = text.components(separatedBy: newline)
        guard let root = try Yams.compose(yaml: text) else { throw Problem(message: "the file is empty") }
        let path = ["scores", score] + tunable.path
        var found: [(key: Node, value: Node, inFlow: Bool)] = []
        var node = root
        for component in path {
            guard let mapping = node.mapping, let entry = mapping.first(where: { $0.key.string == component }) else {
                break
            }
            found.append((entry.key, entry.value, Self.isFlow(node, in: lines)))
            node = entry.value
        }
        // The deepest key on the path that starts its own line: its lines are the ones rewritten.
        guard found.count >= 2, let anchor = found.lastIndex(where: { !$0.inFlow }),
            let keyLine = found[anchor].key.mark?.line, lines.indices.contains(keyLine - 1),
            case .scalar(let keyScalar) = found[anchor].key
        else { throw Problem(message: "score \"\(score)\" is not a block of lines in the file") }
        let start = keyLine - 1
        let value = found[anchor].value
        let isFlow = Self.isFlow(value, in: lines)
        let region = Self.region(of: start, in: lines, isBlockSequence: value.sequence != nil && !isFlow)
        let indent = String(repeating: " ", count: Self.indentation(lines[start]))
        let key = indent + TunableYAML.scalarText(keyScalar) + ":"
        let comment = region.count == 1 || !isFlow ? Self.comment(in: lines[start]) : ""
        let newValue = TunableYAML.node(tunable)
        let rest = Array(path[(anchor + 1)...])
        var replacement: [String]
        if rest.isEmpty {
            replacement =
                try isFlow || value.scalar != nil
                ? [key + " " + flow(newValue) + comment]
                : block(newValue, under: key + comment, original: value, lines: lines)
        } else if found.count == anchor + 1, let mapping = value.mapping, !isFlow,
            let first = mapping.first?.key.mark?.line, lines.indices.contains(first - 1)
        {
            // A setting the score leaves to its defaults: a new line after the block's last.
            let childIndent = String(repeating: " ", count: Self.indentation(lines[first - 1]))
            let line = try childIndent + flow(Node(rest[0])) + ": " + flow(Self.nest(rest.dropFirst(), newValue))
            lines.insert(line, at: region.upperBound + 1)
            return lines.joined(separator: newline)
        } else {
            guard value.mapping != nil else {
                throw Problem(message: "\(path[...anchor].joined(separator: ".")) is not a mapping")
            }
            replacement = [key + " " + (try flow(Self.replacing(rest, in: value, with: newValue))) + comment]
        }
        lines.replaceSubrange(region, with: replacement)
        return lines.joined(separator: newline)
    }

    private func flow(_ node: Node) throws -> String {
        guard let text = TunableYAML.flow(node) else {
            throw Problem(message: "setting \(tunable.path.joined(separator: ".")) uses YAML aliases")
        }
        return text
    }

    /// The setting as block lines under its key, indented as the original's first line.
    private func block(_ node: Node, under key: String, original: Node, lines: [String]) throws -> [String] {
        let first = (original.mark?.line).flatMap { lines.indices.contains($0 - 1) ? lines[$0 - 1] : nil }
        let indent = String(repeating: " ", count: first.map(Self.indentation) ?? (Self.indentation(key) + 2))
        if let sequence = node.sequence {
            return try [key] + sequence.map { try indent + "- " + flow($0) }
        }
        return try [key] + (node.mapping ?? [:]).map { try indent + flow($0.key) + ": " + flow($0.value) }
    }

    /// The lines of the key on line `start` and its value: those after it indented deeper (a block sequence's
    /// dashes may sit at the key's own indentation), without trailing blank and comment lines.
    static func region(of start: Int, in lines: [String], isBlockSequence: Bool) -> ClosedRange<Int> {
        let indent = indentation(lines[start])
        var end = start
        for index in lines.indices.dropFirst(start + 1) {
            let trimmed = lines[index].drop { $0 == " " }
            if trimmed.isEmpty || trimmed.hasPrefix("#") || trimmed == "\r" { continue }
            let depth = indentation(lines[index])
            guard depth > indent || (isBlockSequence && depth == indent && trimmed.hasPrefix("-")) else { break }
            end = index
        }
        return start...end
    }

    /// Spaces before the first character.
    static func indentation(_ line: String) -> Int { line.prefix { $0 == " " }.count }

    /// The line's comment with the space before it (`   # the riskiest 10%`), or "" when it has none.
    static func comment(in line: String) -> String {
        var quote: Character?
        var escaped = false
        var previous: Character = " "
        for index in line.indices {
            let character = line[index]
            defer { previous = character }
            if let open = quote {
                if escaped {
                    escaped = false
                } else if character == "\\" && open == "\"" {
                    escaped = true
                } else if character == open {
                    quote = nil
                }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "#" && (previous == " " || previous == "\t") {
                let start = line[..<index].lastIndex { $0 != " " && $0 != "\t" }.map { line.index(after: $0) }
                return String(line[(start ?? line.startIndex)...]).replacingOccurrences(of: "\r", with: "")
            }
        }
        return ""
    }

    /// True when a collection is written in flow style: its text starts with `{` or `[`. (Yams reads a collection's
    /// style from its end event, so `style` cannot say.)
    static func isFlow(_ node: Node, in lines: [String]) -> Bool {
        guard node.scalar == nil, let mark = node.mark, lines.indices.contains(mark.line - 1) else { return false }
        let scalars = lines[mark.line - 1].unicodeScalars
        guard mark.column >= 1, mark.column <= scalars.count else { return false }
        let first = scalars[scalars.index(scalars.startIndex, offsetBy: mark.column - 1)]
        return first == "{" || first == "["
    }

    /// `value` under the keys of `path`, as nested flow mappings.
    static func nest(_ path: ArraySlice<String>, _ value: Node) -> Node {
        guard let first = path.first else { return value }
        return .mapping(Node.Mapping([(Node(first), nest(path.dropFirst(), value))], .implicit, .flow))
    }

    /// `node` with the value at `path` replaced by `value`, or added where the path ends early.
    static func replacing(_ path: [String], in node: Node, with value: Node) -> Node {
        guard let first = path.first else { return value }
        let mapping = node.mapping ?? [:]
        var pairs = mapping.map { ($0.key, $0.value) }
        if let index = pairs.firstIndex(where: { $0.0.string == first }) {
            pairs[index].1 = replacing(Array(path.dropFirst()), in: pairs[index].1, with: value)
        } else {
            pairs.append((Node(first), nest(path.dropFirst(), value)))
        }
        return .mapping(Node.Mapping(pairs, mapping.tag, .flow, mapping.mark))
    }
}
