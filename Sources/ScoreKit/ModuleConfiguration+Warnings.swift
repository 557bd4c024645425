extension ModuleConfiguration {
    /// The shared warnings of SCORING.md: more than 10 signals, and a manual share above 25%.
    public var warnings: [String] {
        var warnings: [String] = []
        if signals.count > SignalLimits.maximumSignals {
            warnings.append(
                "\(signals.count) signals; more than \(SignalLimits.maximumSignals) adds noise, not accuracy")
        }
        let manual = signals.filter(\.isManual).reduce(0) { $0 + $1.share }
        if manual > SignalLimits.manualShareWarning {
            warnings.append(
                "manual signals carry \(formatPercent(manual)) of the score, above "
                    + "\(formatPercent(SignalLimits.manualShareWarning)) (scores usually start failing at "
                    + "\(formatPercent(SignalLimits.manualShareUsualFailure)))"
            )
        }
        return warnings
    }
}

/// The thresholds behind the shared warnings (seed 004).
public enum SignalLimits {
    /// More signals than this is measure sprawl.
    public static let maximumSignals = 10
    /// A manual share above this warns on every run.
    public static let manualShareWarning = 25.0
    /// The share at which manual scores usually start failing, shown with the warning.
    public static let manualShareUsualFailure = 15.0
}

func formatPercent(_ value: Double) -> String {
    value == value.rounded() && value.magnitude < 1e15 ? "\(Int(value))%" : "\(value)%"
}
