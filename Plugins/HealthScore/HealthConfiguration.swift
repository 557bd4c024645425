import ScoreKit

/// Settings of a health score: weights, normalisation, bands with their playbooks, and the windows of the signals.
public struct HealthConfiguration: ModuleConfiguration, Equatable {
    /// Signal weights in percent; nil for the defaults.
    public var weights: [String: Double]?
    /// How signals are scaled across the base.
    public var normalisation: Normalisation = .minMax
    /// Band thresholds; nil for Green/Yellow/Red.
    public var bands: Bands?
    /// What to do per band; nil for the seed 004 playbooks.
    public var playbooks: [String: String]?
    /// Days of invoices for renewal behaviour.
    public var renewalWindowDays = 365
    /// Days of usage for key-feature uses per user and the active-user ratio.
    public var usageWindowDays = 30
    /// Days in which high-priority tickets count.
    public var ticketWindowDays = 90
    /// Point grids by signal: absolute thresholds in place of scaling across the base (points already say good or bad).
    public var grids: [String: PointGrid] = [:]

    /// The seed 004 playbooks: what the team does for an account in each band.
    public static let standardPlaybooks = [
        "Green": "Quarterly check-in",
        "Yellow": "CSM outreach within the week",
        "Red": "Executive escalation today",
    ]

    public init() {}

    public static let settings: [Setting] = [
        Setting(
            "weights",
            "signal: percent, summing to 100 "
                + "(default renewal 40, feature_usage 35, support 25, nps 0, active_users_ratio 0)"
        ),
        Setting("normalisation", "min-max (default) or percentile"),
        Setting("bands", "label: low-high (default Green 75-100, Yellow 40-74, Red 0-39)"),
        Setting(
            "playbooks",
            "band: what to do, one per band (default Green: Quarterly check-in, "
                + "Yellow: CSM outreach within the week, Red: Executive escalation today)"
        ),
        Setting(
            "renewal_window_days", "days of invoices whose on-time payment counts as renewal behaviour (default 365)"),
        Setting(
            "usage_window_days",
            "days of usage for key-feature uses per active user and the active-user ratio (default 30)"),
        Setting("ticket_window_days", "days in which high-priority tickets count against support health (default 90)"),
        Setting("grids", "signal: {range: points}, e.g. feature_usage: {10+: 100, 5-9: 50, 0-4: 0}; replaces scaling"),
    ]

    enum CodingKeys: String, CodingKey {
        case weights, normalisation, bands, playbooks, grids
        case renewalWindowDays = "renewal_window_days"
        case usageWindowDays = "usage_window_days"
        case ticketWindowDays = "ticket_window_days"
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        weights = try container.decodeIfPresent([String: Double].self, forKey: .weights)
        normalisation = try container.decodeIfPresent(Normalisation.self, forKey: .normalisation) ?? .minMax
        bands = try container.decodeIfPresent(Bands.self, forKey: .bands)
        playbooks = try container.decodeIfPresent([String: String].self, forKey: .playbooks)
        grids = try container.decodeIfPresent([String: PointGrid].self, forKey: .grids) ?? [:]
        renewalWindowDays = try container.decodeIfPresent(Int.self, forKey: .renewalWindowDays) ?? 365
        usageWindowDays = try container.decodeIfPresent(Int.self, forKey: .usageWindowDays) ?? 30
        ticketWindowDays = try container.decodeIfPresent(Int.self, forKey: .ticketWindowDays) ?? 90
    }

    /// The weights in force, in signal order: the configured ones (a signal left out weighs 0), or the defaults.
    public var effectiveWeights: [(name: String, weight: Double)] {
        HealthSignal.allCases.map { signal in
            (signal.rawValue, weights.map { $0[signal.rawValue] ?? 0 } ?? signal.defaultWeight)
        }
    }

    /// The bands in force.
    public var effectiveBands: Bands { bands ?? .greenYellowRed }

    /// The playbooks in force, by band label.
    public var effectivePlaybooks: [String: String] { playbooks ?? Self.standardPlaybooks }

    public var signals: [SignalSpec] {
        effectiveWeights.filter { $0.weight > 0 }.map { SignalSpec(name: $0.name, share: $0.weight) }
    }

    public func validate() throws {
        let known = HealthSignal.allCases.map(\.rawValue)
        for name in grids.keys.sorted() where !known.contains(name) {
            throw ConfigurationProblem("unknown signal \"\(name)\" (known: \(known.joined(separator: ", ")))", at: ["grids", name])
        }
        let windows = [
            ("renewal_window_days", renewalWindowDays), ("usage_window_days", usageWindowDays),
            ("ticket_window_days", ticketWindowDays),
        ]
        for (key, days) in windows where days <= 0 {
            throw ConfigurationProblem("must be a positive number of days, got \(days)", at: [key])
        }
        if let weights {
            try Weights.check(
                configured: weights, known: HealthSignal.allCases.map(\.rawValue), inForce: effectiveWeights, at: ["weights"])
        }
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
