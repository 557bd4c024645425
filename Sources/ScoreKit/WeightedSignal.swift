/// A signal a module weighs into its score: its name, its weight when a score gives none, and which way it points.
///
/// What every weighted module repeated lives here once: the weights in force, their check, their default in help
/// text and the signals for the shared warnings.
public protocol WeightedSignal: RawRepresentable, CaseIterable, Sendable where RawValue == String {
    /// The weight in percent when the configuration gives none.
    var defaultWeight: Double { get }
    /// True when more of the signal is worse, so it is turned around after scaling.
    var isInverted: Bool { get }
    /// True when people enter the signal (assessments) rather than systems.
    var isManual: Bool { get }
}

extension WeightedSignal {
    /// Not inverted.
    public var isInverted: Bool { false }

    /// Entered by systems.
    public var isManual: Bool { false }

    /// The weights in force, in signal order: the configured ones (a signal left out weighs 0), or the defaults.
    public static func weights(
        _ configured: [String: Double]?, among signals: [Self] = Array(allCases)
    ) -> [(name: String, weight: Double)] {
        signals.map { signal in (signal.rawValue, configured.map { $0[signal.rawValue] ?? 0 } ?? signal.defaultWeight) }
    }

    /// The default weights as help text says them, in signal order: `renewal 40, feature_usage 35, support 25`.
    public static func defaultWeightsText(among signals: [Self] = Array(allCases)) -> String {
        signals.map { "\($0.rawValue) \(NumberText.plain($0.defaultWeight))" }.joined(separator: ", ")
    }

    /// Checks configured weights, if any: each name a signal of `signals`, the weights in force 0-100 summing to 100.
    ///
    /// `scope` says where, e.g. " in group intent".
    public static func check(
        _ configured: [String: Double]?, among signals: [Self] = Array(allCases), at path: [String] = ["weights"],
        scope: String = ""
    ) throws {
        guard let configured else { return }
        try Weights.check(
            configured: configured, known: signals.map(\.rawValue), inForce: weights(configured, among: signals),
            at: path, scope: scope)
    }

    /// The signals weighted in, for the shared warnings.
    public static func specs(_ configured: [String: Double]?) -> [SignalSpec] {
        zip(allCases, weights(configured)).filter { $0.1.weight > 0 }.map { signal, weighted in
            SignalSpec(name: weighted.name, share: weighted.weight, isManual: signal.isManual)
        }
    }

    /// Scales a column of the signal across the base, turned around when more is worse.
    public func scale(_ values: [Double?], by method: Normalisation) -> [Double?] {
        Normaliser.scale(values, by: method, invert: isInverted)
    }
}
