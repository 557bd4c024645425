/// A module's model inputs for a batch: which accounts it scores and each one's raw feature values.
public struct FeatureRows: Sendable {
    /// The features' names, in column order.
    public let names: [String]
    /// The scored accounts, as row positions in the fact table.
    public let rows: [Int]
    /// One value per feature for each scored account; nil when the account has no such fact.
    public let values: [[Double?]]

    /// Creates feature rows.
    public init(names: [String], rows: [Int], values: [[Double?]]) {
        self.names = names
        self.rows = rows
        self.values = values
    }
}

/// A configuration whose score can come from a model the host trains on past outcomes and stores by score name.
///
/// The host reads the features with `features(_:)` to train, and before a run hands the latest stored model in with
/// `with(model:)`; the module never reads the database.
public protocol TrainableConfiguration: ModuleConfiguration {
    /// True when the score needs a trained model to run.
    var usesTrainedModel: Bool { get }
    /// The model inputs of the accounts the score would score.
    func features(_ facts: FactTable) -> FeatureRows
    /// The configuration with a trained model in force.
    func with(model: TrainedModel) -> Self
}
