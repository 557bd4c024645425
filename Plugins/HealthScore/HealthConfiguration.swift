import ScoreKit

/// Settings of a health score: weights, normalisation, bands with their playbooks, and the windows of the signals.
public struct HealthConfiguration: ModuleConfiguration, Equatable {
    /// Signal weights in percent; nil for the defaults.
    @Setting(
        "weights", help: "signal: percent, summing to 100", whenUnset: HealthSignal.defaultWeightsText())
    public var weights: [String: Double]? = nil
    /// How signals are scaled across the base.
    @Setting("normalisation", help: "") public var normalisation = Normalisation.minMax
    /// Band thresholds; nil for Green/Yellow/Red.
    @Setting("bands", help: "label: low-high", whenUnset: Bands.greenYellowRed.defaultText)
    public var bands: Bands? = nil
    /// What to do per band; nil for the seed 004 playbooks.
    @Setting("playbooks", help: "band: what to do, one per band", whenUnset: HealthConfiguration.standardPlaybooksText)
    public var playbooks: [String: String]? = nil
    /// Days of invoices for renewal behaviour.
    @Setting(
        "renewal_window_days", help: "days of invoices whose on-time payment counts as renewal behaviour",
        check: .positiveDays)
    public var renewalWindowDays = 365
    /// Days of usage for key-feature uses per user and the active-user ratio.
    @Setting(
        "usage_window_days", help: "days of usage for key-feature uses per active user and the active-user ratio",
        check: .positiveDays)
    public var usageWindowDays = 30
    /// Days in which high-priority tickets count.
    @Setting(
        "ticket_window_days", help: "days in which high-priority tickets count against support health",
        check: .positiveDays)
    public var ticketWindowDays = 90
    /// Point grids by signal: absolute thresholds in place of scaling across the base (points already say good or bad).
    @Setting(
        "grids", help: "signal: {range: points}, e.g. feature_usage: {10+: 100, 5-9: 50, 0-4: 0}; replaces scaling")
    public var grids: [String: PointGrid] = [:]

    /// The seed 004 playbooks: what the team does for an account in each band.
    public static let standardPlaybooks = [
        "Green": "Quarterly check-in",
        "Yellow": "CSM outreach within the week",
        "Red": "Executive escalation today",
    ]

    /// The standard playbooks in band order, as the help says them.
    static var standardPlaybooksText: String {
        Bands.greenYellowRed.labels.map { "\($0): \(standardPlaybooks[$0] ?? "")" }.joined(separator: ", ")
    }

    public init() {}

    /// The weights in force, in signal order: the configured ones (a signal left out weighs 0), or the defaults.
    public var effectiveWeights: [(name: String, weight: Double)] { HealthSignal.weights(weights) }

    /// The bands in force.
    public var effectiveBands: Bands { bands ?? .greenYellowRed }

    /// The playbooks in force, by band label.
    public var effectivePlaybooks: [String: String] { playbooks ?? Self.standardPlaybooks }

    public var signals: [SignalSpec] { HealthSignal.specs(weights) }

    public func validateTogether() throws {
        let known = HealthSignal.allCases.map(\.rawValue)
        for name in grids.keys.sorted() where !known.contains(name) {
            throw ConfigurationProblem(
                "unknown signal \"\(name)\" (known: \(known.joined(separator: ", ")))", at: ["grids", name])
        }
        try HealthSignal.check(weights)
        let labels = effectiveBands.labels
        let playbooks = effectivePlaybooks
        for label in labels where playbooks[label] == nil {
            // Without `playbooks:` the defaults name other bands: point at the bands that lack them.
            throw ConfigurationProblem(
                "no playbook for band \(label)", at: [self.playbooks == nil ? "bands" : "playbooks"])
        }
        for label in playbooks.keys.sorted() where !labels.contains(label) {
            throw ConfigurationProblem(
                "playbook for unknown band \"\(label)\" (bands: \(labels.joined(separator: ", ")))",
                at: ["playbooks", label])
        }
    }
}

extension HealthConfiguration: BandedConfiguration {}
