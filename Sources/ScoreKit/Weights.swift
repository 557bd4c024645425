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
}
