import ScoreKit

/// The churn module: likelihood to leave, for proactive saves; a higher risk is worse for the account.
///
/// The scored base is every account with MRR above 0 as of the day. In rules mode each signal is scaled across the
/// base (min-max or percentile), turned around where less is riskier (usage trend, days to renewal), and weighted; an
/// account without a usage trend or renewal day neither gains nor loses (50), and only a known detractor adds NPS
/// risk. In trained mode the risk is the stored model's probability x 100 (see `ChurnScore+Trained.swift`).
public enum ChurnScore: ScoreModule {
    public typealias Configuration = ChurnConfiguration

    public static let identifier = "churn"
    public static let summary =
        "Churn risk for proactive saves: usage trend, urgent tickets, payment issues, detractors, contraction, renewal"
    public static let higherIsBetter = false
    public static let staleAfterDays = 7

    public static func facts(for configuration: ChurnConfiguration) -> [FactKey] {
        ChurnFacts.keys(for: configuration)
    }

    public static func score(_ facts: FactTable, configuration: ChurnConfiguration) throws -> [ScoredAccount] {
        switch configuration.mode {
        case .rules: return scoreByRules(facts, configuration: configuration)
        case .trained:
            guard let model = configuration.model else {
                throw ConfigurationProblem("mode trained has no model yet; run `scorebook train` first", at: ["mode"])
            }
            return scoreByModel(facts, configuration: configuration, model: model)
        }
    }

    static func scoreByRules(_ facts: FactTable, configuration: ChurnConfiguration) -> [ScoredAccount] {
        let features = configuration.features(facts)
        let raw = features.names.indices.map { column in features.values.map { $0[column] } }
        let scaled = zip(ChurnSignal.allCases, raw).map { signal, values -> [Double?] in
            // A flag is already 0 or 100; an account without an NPS answer is no known detractor.
            if signal == .detractor { return values.map { ($0 ?? 0) * 100 } }
            return signal.scale(values, by: configuration.normalisation)
        }
        let signals = SignalColumns(
            weights: configuration.effectiveWeights, raw: raw, scaled: scaled, missing: Normaliser.constantValue)
        let bands = configuration.effectiveBands
        // Share bands need the whole batch, so the module's labels are set once every account is scored.
        return bands.relabel(
            features.rows.indices.map { position in
                let components = signals.components(row: position)
                let value = components.total
                return ScoredAccount(
                    accountID: facts.accounts[features.rows[position]].id, value: value, band: bands.label(for: value),
                    components: components)
            })
    }
}

extension ChurnConfiguration: TrainableConfiguration {
    public var usesTrainedModel: Bool { mode == .trained }

    /// The signals' raw values for the accounts with MRR above 0, in `ChurnSignal` order.
    public func features(_ facts: FactTable) -> FeatureRows {
        let columns = Dictionary(
            uniqueKeysWithValues: ChurnFacts.keys(for: self).map { ($0, facts.column($0)) })
        let reader = ChurnFacts(columns: columns, configuration: self)
        let rows = reader.base(count: facts.accounts.count)
        return FeatureRows(
            names: ChurnSignal.allCases.map(\.rawValue), rows: rows,
            values: rows.map { row in ChurnSignal.allCases.map { reader.raw($0, row: row) } })
    }

    public func with(model: TrainedModel) -> ChurnConfiguration {
        var configuration = self
        configuration.model = model
        return configuration
    }
}
