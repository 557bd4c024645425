/// One configuration key a module accepts, with a line of help; `scorebook modules` lists them.
public struct Setting: Sendable, Equatable {
    /// The key as written in YAML (`window_days`).
    public let key: String
    /// What it does and its default.
    public let help: String

    /// Creates a setting description.
    public init(_ key: String, _ help: String) {
        self.key = key
        self.help = help
    }
}

/// A weighted leaf signal of a configured score, used for the shared warnings (signal count, manual share).
public struct SignalSpec: Sendable, Equatable {
    /// The signal's name.
    public let name: String
    /// Its effective share of the whole score, in percent (a nested signal's weight times its group's).
    public let share: Double
    /// True when people enter it.
    public let isManual: Bool

    /// Creates a signal description.
    public init(name: String, share: Double, isManual: Bool = false) {
        self.name = name
        self.share = share
        self.isManual = isManual
    }
}

/// A module's configuration: decoded from the score's YAML settings, with a default for every key.
public protocol ModuleConfiguration: Codable, Sendable {
    /// The configuration with every default.
    init()
    /// Every key the configuration accepts; any other key is an error.
    static var settings: [Setting] { get }
    /// Checks values together (weights sum, band coverage); throws the first problem.
    func validate() throws
    /// The weighted signals, for the shared warnings.
    var signals: [SignalSpec] { get }
}

extension ModuleConfiguration {
    /// The shared warnings of SCORING.md: more than 10 signals, and a manual share above 25%.
    public var warnings: [String] {
        var warnings: [String] = []
        if signals.count > SignalLimits.maximumSignals {
            warnings.append("\(signals.count) signals; more than \(SignalLimits.maximumSignals) adds noise, not accuracy")
        }
        let manual = signals.filter(\.isManual).reduce(0) { $0 + $1.share }
        if manual > SignalLimits.manualShareWarning {
            warnings.append(
                "manual signals carry \(formatPercent(manual)) of the score, above \(formatPercent(SignalLimits.manualShareWarning)) "
                    + "(scores usually start failing at \(formatPercent(SignalLimits.manualShareUsualFailure)))"
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
