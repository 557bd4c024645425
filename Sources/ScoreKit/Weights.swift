/// Signal weights as percentages; every level of a model must sum to 100.
public enum Weights {
    /// How far a sum may be from 100 and still count as 100 (weights such as 33.33 x 3 are written by people).
    public static let tolerance = 0.01

    /// Checks that each weight is 0...100 and that they sum to 100; `path` names the level (`["weights"]`).
    public static func check(_ weights: [(name: String, weight: Double)], at path: [String]) throws {
        for (name, weight) in weights where !(0...100).contains(weight) {
            throw ConfigurationProblem("weight must be 0-100, got \(Bands.text(weight))", at: path + [name])
        }
        let sum = weights.reduce(0) { $0 + $1.weight }
        if abs(sum - 100) > tolerance {
            let level = path.isEmpty ? "weights" : path.joined(separator: ".")
            throw ConfigurationProblem("\(level) sum to \(Bands.text(sum)), expected 100", at: path)
        }
    }

    /// Checks weights a configuration names: each name must be a known signal (`scope` says where, such as
    /// " for method rfm"), then the weights in force must pass `check`.
    public static func check(
        configured: [String: Double], known: [String], inForce: [(name: String, weight: Double)], at path: [String],
        scope: String = ""
    ) throws {
        for name in configured.keys.sorted() where !known.contains(name) {
            throw ConfigurationProblem(
                "unknown signal \"\(name)\"\(scope) (known: \(known.joined(separator: ", ")))", at: path + [name])
        }
        try check(inForce, at: path)
    }
}
