import ScoreKit

/// One touchpoint of a journey: its weight in the journey and the signals it is scored from, weighted within it.
public struct Touchpoint: Sendable, Equatable, Codable {
    /// The touchpoint's weight in its journey, in percent; a journey's touchpoints sum to 100.
    public var weight: Double
    /// Fields and metrics by name (`TouchpointSignal`) with their weight in the touchpoint, summing to 100.
    public var signals: [String: Double]

    /// Creates a touchpoint.
    public init(weight: Double, signals: [String: Double]) {
        self.weight = weight
        self.signals = signals
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case weight, signals
    }

    public init(from decoder: Decoder) throws {
        try SettingKey.refuseUnknown(in: decoder, known: CodingKeys.allCases.map(\.rawValue))
        let container = try decoder.container(keyedBy: CodingKeys.self)
        weight = try container.decode(Double.self, forKey: .weight)
        signals = try container.decode([String: Double].self, forKey: .signals)
    }

    /// The weighted signals, heaviest first (then by name); unknown names are left out (`validate` refuses them).
    var orderedSignals: [(signal: TouchpointSignal, weight: Double)] {
        signals.compactMap { name, weight in TouchpointSignal(rawValue: name).map { ($0, weight) } }
            .sorted { $0.weight == $1.weight ? $0.signal.rawValue < $1.signal.rawValue : $0.weight > $1.weight }
    }

    /// A weight as people write it: `40`, `33.3`.
    static func text(_ weight: Double) -> String {
        weight == weight.rounded() && abs(weight) < 1e15 ? String(Int(weight)) : String(weight)
    }

    /// Checks the signal level: known names, each 0-100, summing to 100; `path` ends at the touchpoint.
    func validate(at path: [String], scope: String) throws {
        let inForce = signals.sorted { $0.key < $1.key }.map { (name: $0.key, weight: $0.value) }
        for (signal, weight) in inForce where !(0...100).contains(weight) {
            throw ConfigurationProblem(
                "signal \(signal)\(scope): weight must be 0-100, got \(Self.text(weight))",
                at: path + ["signals", signal])
        }
        try Weights.check(
            configured: signals, known: TouchpointSignal.allCases.map(\.rawValue), inForce: inForce,
            at: path + ["signals"], scope: scope)
    }
}
