import ScoreKit

/// A score as the operator configured it: a name, a module and that module's settings, ready to run.
///
/// The module's configuration type is erased here so the host can hold scores of every module in one list.
public struct NamedScore: Sendable {
    /// The score's name (`rfm`).
    public let name: String
    /// The module's identifier (`value`).
    public let module: String
    /// One line from the configuration, or the module's summary.
    public let description: String
    /// The settings as canonical JSON (sorted keys, defaults filled in), stored with each run.
    public let canonicalConfiguration: String
    /// A fingerprint of the module, its settings, and its `where:` filter and roll-up when it has them.
    ///
    /// The segment is part of what a run means, so it is part of the fingerprint (only when there is one, so
    /// fingerprints of scores without one stay as they were).
    public var configurationHash: String {
        Fingerprint.hex(
            of: module + "\n" + canonicalConfiguration + (segment.map { "\nwhere " + $0.description } ?? "")
                + (rollup.map { "\nrollup " + $0.rawValue } ?? ""))
    }
    /// The facts the score needs.
    public let facts: [FactKey]
    /// Warnings from the shared rules (signal count, manual share).
    public let warnings: [String]
    /// True when a higher value is better for the account.
    public let higherIsBetter: Bool
    /// Days after which a run is stale.
    public let staleAfterDays: Int
    /// Actions per band, run by `scorebook act` for accounts that enter the band.
    public let actions: [String: [ActionSpec]]
    /// Accounts whose primary contact had no activity for longer than this are flagged before an action reaches them.
    public let contactMaxAgeDays: Int
    /// Seed 004: a save call to a VP who left months ago is a failed playbook.
    public static let defaultContactMaxAgeDays = 180
    /// The `where:` filter: only accounts in it are scored; nil for every account.
    public internal(set) var segment: Segment?
    /// How children's scores roll up into their parent's; nil for no roll-up.
    public internal(set) var rollup: RollupMethod?
    /// The band of a value, for modules whose bands follow the value; nil for the others (RFM segments).
    public let bandForValue: (@Sendable (Double) -> String)?
    /// The bands in force, for modules whose bands follow the value; nil for the others (RFM segments).
    public let bands: Bands?
    /// True when the score runs on the model `scorebook train` stored for its name.
    public let usesTrainedModel: Bool
    /// The weights, bands and grids in force, for a spreadsheet; nil when the module does not list them.
    public let tunables: [Tunable]?
    private let scorer: @Sendable (FactTable, TrainedModel?) throws -> [ScoredAccount]
    private let featureReader: (@Sendable (FactTable) -> FeatureRows)?

    init<Module: ScoreModule>(
        name: String, module: Module.Type, description: String?, configuration: Module.Configuration,
        canonicalConfiguration: String, segment: Segment? = nil, actions: [String: [ActionSpec]] = [:],
        contactMaxAgeDays: Int = defaultContactMaxAgeDays, rollup: RollupMethod? = nil
    ) {
        self.rollup = rollup
        if let banded = configuration as? any BandedConfiguration {
            let bands = banded.effectiveBands
            self.bands = bands
            self.bandForValue = { @Sendable value in bands.label(for: value) }
        } else {
            self.bands = nil
            self.bandForValue = nil
        }
        self.tunables = (configuration as? any TunableConfiguration)?.tunables
        self.actions = actions
        self.contactMaxAgeDays = contactMaxAgeDays
        self.name = name
        self.module = Module.identifier
        self.description = description ?? Module.summary
        self.canonicalConfiguration = canonicalConfiguration
        self.segment = segment
        self.facts = Module.facts(for: configuration)
        self.warnings = configuration.warnings
        self.higherIsBetter = (configuration as? any DirectedConfiguration)?.higherIsBetter ?? Module.higherIsBetter
        self.staleAfterDays = Module.staleAfterDays
        let trainable = configuration as? any TrainableConfiguration
        self.usesTrainedModel = trainable?.usesTrainedModel ?? false
        if let trainable {
            self.featureReader = { @Sendable facts in trainable.features(facts) }
        } else {
            self.featureReader = nil
        }
        self.scorer = { facts, model in
            try Module.score(facts, configuration: Self.configuration(configuration, with: model))
        }
    }

    /// Scores a batch of facts, with the trained model in force when the score uses one.
    public func score(_ facts: FactTable, model: TrainedModel? = nil) throws -> [ScoredAccount] {
        try scorer(facts, model)
    }

    /// The model inputs of the accounts the score would score; nil when its module trains no model.
    public func features(_ facts: FactTable) -> FeatureRows? {
        featureReader?(facts)
    }

    private static func configuration<C: ModuleConfiguration>(_ configuration: C, with model: TrainedModel?) -> C {
        guard let model, let trainable = configuration as? any TrainableConfiguration else { return configuration }
        return (trainable.with(model: model) as? C) ?? configuration
    }
}
