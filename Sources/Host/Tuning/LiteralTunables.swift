import ScoreKit
import Yams

/// The tunables a score's YAML spells out, for a module that does not list its own (`TunableConfiguration`).
///
/// Found by the shared key names: `weights` and `groups` (numbers, or groups of numbers), `bands` and `grades`
/// (ranges), `grids` (a point grid per signal) and `*_bins` (lists of edges), at any depth (`icp.revenue_icp.weights`).
/// Defaults the YAML leaves out are not known here, so they are not exported.
enum LiteralTunables {
    /// The tunables in a score's settings, in file order.
    static func read(_ settings: Node, at path: [String] = []) -> [Tunable] {
        guard let mapping = settings.mapping else { return [] }
        var tunables: [Tunable] = []
        for (keyNode, value) in mapping {
            guard let key = keyNode.string, !key.contains(".") else { continue }
            let here = path + [key]
            switch key {
            case "weights", "groups":
                tunables += weights(value, at: here)
            case "bands", "grades":
                if let bands = try? YAMLDecoder().decode(Bands.self, from: value) {
                    tunables.append(.bands(bands, at: here))
                }
            case "grids":
                for (signal, grid) in value.mapping ?? [:] {
                    guard let name = signal.string, !name.contains("."),
                        let decoded = try? YAMLDecoder().decode(PointGrid.self, from: grid)
                    else { continue }
                    tunables.append(.grid(decoded, at: here + [name]))
                }
            case _ where key.hasSuffix("_bins"):
                let edges = value.sequence?.compactMap(number) ?? []
                if let sequence = value.sequence, !edges.isEmpty, edges.count == sequence.count {
                    tunables.append(.edges(edges, at: here))
                }
            default:
                tunables += read(value, at: here)
            }
        }
        return tunables
    }

    /// A level of weights, or each group's level when the weights are grouped (`weights: {fit: {...}}`).
    private static func weights(_ node: Node, at path: [String]) -> [Tunable] {
        guard let mapping = node.mapping else { return [] }
        let pairs = mapping.compactMap { key, value in key.string.flatMap { name in number(value).map { (name, $0) } } }
        if !pairs.isEmpty, pairs.count == mapping.count { return [.weights(pairs, at: path)] }
        return mapping.flatMap { key, value -> [Tunable] in
            guard let name = key.string, !name.contains("."), value.mapping != nil else { return [] }
            return weights(value, at: path + [name])
        }
    }

    /// A plain scalar's number.
    private static func number(_ node: Node) -> Double? {
        guard let scalar = node.scalar, scalar.style == .plain || scalar.style == .any,
            let value = Double(scalar.string), value.isFinite
        else { return nil }
        return value
    }
}
