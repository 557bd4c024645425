/// One stored trained model: what it was trained on and the model itself as JSON.
public struct StoredModel: Sendable, Equatable {
    public let id: Int64
    public let scoreName: String
    public let module: String
    public let outcome: String
    public let asOf: String
    public let horizonDays: Int
    public let trainingRows: Int
    public let heldOutRows: Int
    public let heldOutAUC: Double
    /// The model's features, means, deviations, coefficients and intercept as JSON.
    public let model: String
    public let trainedAt: String

    /// Creates a record to store; the id is assigned on insert.
    public init(
        scoreName: String, module: String, outcome: String, asOf: String, horizonDays: Int, trainingRows: Int,
        heldOutRows: Int, heldOutAUC: Double, model: String
    ) {
        self.init(
            id: 0, scoreName: scoreName, module: module, outcome: outcome, asOf: asOf, horizonDays: horizonDays,
            trainingRows: trainingRows, heldOutRows: heldOutRows, heldOutAUC: heldOutAUC, model: model,
            trainedAt: ScoreRunStore.now())
    }

    init(
        id: Int64, scoreName: String, module: String, outcome: String, asOf: String, horizonDays: Int,
        trainingRows: Int, heldOutRows: Int, heldOutAUC: Double, model: String, trainedAt: String
    ) {
        self.id = id
        self.scoreName = scoreName
        self.module = module
        self.outcome = outcome
        self.asOf = asOf
        self.horizonDays = horizonDays
        self.trainingRows = trainingRows
        self.heldOutRows = heldOutRows
        self.heldOutAUC = heldOutAUC
        self.model = model
        self.trainedAt = trainedAt
    }
}

/// Writes and reads trained models by score name.
public struct TrainedModelStore {
    private let database: Database

    /// Creates the store on a connection.
    public init(database: Database) { self.database = database }

    /// Stores a model; returns its id.
    public func insert(_ model: StoredModel) throws -> Int64 {
        try database.makeStatement(
            """
            INSERT INTO trained_models (score_name, module, outcome, as_of, horizon_days, training_rows, held_out_rows,
                                        held_out_auc, model, trained_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
            """
        ).map([
            .text(model.scoreName), .text(model.module), .text(model.outcome), .text(model.asOf),
            .integer(Int64(model.horizonDays)), .integer(Int64(model.trainingRows)),
            .integer(Int64(model.heldOutRows)), .real(model.heldOutAUC), .text(model.model), .text(model.trainedAt),
        ]) { $0.integer(0) }[0]
    }

    /// The newest model of a score, if any.
    public func latest(scoreName: String) throws -> StoredModel? {
        try database.makeStatement(
            """
            SELECT id, score_name, module, outcome, as_of, horizon_days, training_rows, held_out_rows, held_out_auc,
                   model, trained_at
            FROM trained_models WHERE score_name = ? ORDER BY id DESC LIMIT 1
            """
        ).map([.text(scoreName)]) { row in
            StoredModel(
                id: row.integer(0), scoreName: row.text(1) ?? "", module: row.text(2) ?? "", outcome: row.text(3) ?? "",
                asOf: row.text(4) ?? "", horizonDays: Int(row.integer(5)), trainingRows: Int(row.integer(6)),
                heldOutRows: Int(row.integer(7)), heldOutAUC: row.double(8), model: row.text(9) ?? "",
                trainedAt: row.text(10) ?? "")
        }.first
    }
}
