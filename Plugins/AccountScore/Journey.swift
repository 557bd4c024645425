import ScoreKit

/// A customer journey (seed 002): touchpoints whose weights sum to 100, each scored from fields and metrics whose
/// weights sum to 100 within it, so a signal's share of the score is touchpoint weight x signal weight / 100.
///
/// A journey towards a happy ending (expansion) scores higher for accounts further along it, as does one towards a
/// sad ending (attrition, `risk: true`); for a risk journey a higher score is worse for the account.
public struct Journey: Sendable, Equatable, Codable {
    /// True when the journey ends in a loss (attrition): a higher score is worse for the account.
    public var isRisk: Bool
    /// The touchpoints by name.
    public var touchpoints: [String: Touchpoint]

    /// Creates a journey.
    public init(isRisk: Bool = false, touchpoints: [String: Touchpoint]) {
        self.isRisk = isRisk
        self.touchpoints = touchpoints
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case isRisk = "risk"
        case touchpoints
    }

    public init(from decoder: Decoder) throws {
        try SettingKey.refuseUnknown(in: decoder, known: CodingKeys.allCases.map(\.rawValue))
        let container = try decoder.container(keyedBy: CodingKeys.self)
        isRisk = try container.decodeIfPresent(Bool.self, forKey: .isRisk) ?? false
        touchpoints = try container.decode([String: Touchpoint].self, forKey: .touchpoints)
    }

    /// The weighted touchpoints, heaviest first (then by name).
    var orderedTouchpoints: [(name: String, touchpoint: Touchpoint)] {
        touchpoints.filter { $0.value.weight > 0 }.map { (name: $0.key, touchpoint: $0.value) }
            .sorted { lhs, rhs in
                lhs.touchpoint.weight == rhs.touchpoint.weight
                    ? lhs.name < rhs.name : lhs.touchpoint.weight > rhs.touchpoint.weight
            }
    }

    /// The touchpoints with their weights, heaviest first, as help text says them: `adoption 35, fit 15`.
    var weightsText: String {
        orderedTouchpoints.map { "\($0.name) \(Touchpoint.text($0.touchpoint.weight))" }.joined(separator: ", ")
    }

    /// Every weighted signal with its touchpoint and its share of the whole score, in touchpoint then signal order.
    var leaves: [JourneyLeaf] {
        orderedTouchpoints.flatMap { name, touchpoint in
            touchpoint.orderedSignals.filter { $0.weight > 0 }.map { signal, weight in
                JourneyLeaf(touchpoint: name, signal: signal, share: touchpoint.weight * weight / 100)
            }
        }
    }

    /// Checks every level, naming the journey and the touchpoint: names, touchpoint weights summing to 100, each
    /// touchpoint's signals summing to 100, and no signal in two touchpoints; `path` names the journey.
    func validate(name: String, at path: [String]) throws {
        for touchpoint in touchpoints.keys.sorted() {
            try JourneyName.check(touchpoint, kind: "touchpoint", at: path + ["touchpoints", touchpoint])
        }
        let weights = touchpoints.sorted { $0.key < $1.key }.map { (name: $0.key, weight: $0.value.weight) }
        for (touchpoint, weight) in weights where !(0...100).contains(weight) {
            throw ConfigurationProblem(
                "touchpoint \(touchpoint) of journey \(name): weight must be 0-100, got \(Touchpoint.text(weight))",
                at: path + ["touchpoints", touchpoint, "weight"])
        }
        try Weights.check(weights, at: path + ["touchpoints"])
        var owner: [String: String] = [:]
        for (touchpointName, touchpoint) in touchpoints.sorted(by: { $0.key < $1.key }) {
            let at = path + ["touchpoints", touchpointName]
            try touchpoint.validate(at: at, scope: " in touchpoint \(touchpointName) of journey \(name)")
            for signal in touchpoint.signals.keys.sorted() {
                if let other = owner[signal] {
                    // Seed 002: the same field in two touchpoints of one journey counts twice, under no weight.
                    throw ConfigurationProblem(
                        "signal \(signal) is in touchpoints \(other) and \(touchpointName) of journey \(name); "
                            + "give each field or metric to one touchpoint", at: at + ["signals", signal])
                }
                owner[signal] = touchpointName
            }
        }
    }
}

/// One weighted signal of a journey: the touchpoint it scores and its share of the score in percent.
struct JourneyLeaf {
    let touchpoint: String
    let signal: TouchpointSignal
    let share: Double

    /// The name `explain` shows, every tier in it: `expansion.adoption.product_activity`.
    func name(in journey: String) -> String { "\(journey).\(touchpoint).\(signal.rawValue)" }
}
