import ScoreKit

extension ChurnScore {
    /// Scores with a trained model: risk = probability x 100, split into one component per feature and a baseline.
    ///
    /// With log-odds `L = b + sum(t[i])`, `t[i] = coefficient[i] x standardised value[i]`, the baseline is the risk of
    /// an account at every training mean, `100 x sigmoid(b)`, and each feature gets `k x t[i]` where
    /// `k = (100 x sigmoid(L) - 100 x sigmoid(b)) / (L - b)` (the slope of the curve between the two, its derivative
    /// when `L == b`). The sigmoid rises everywhere, so `k > 0`: every contribution has its term's sign, and baseline
    /// plus contributions is the risk exactly. A component's `normalised` is the standardised value and its
    /// `weight` the coefficient.
    static func scoreByModel(
        _ facts: FactTable, configuration: ChurnConfiguration, model: TrainedModel
    ) -> [ScoredAccount] {
        let features = configuration.features(facts)
        // Read the model's features by name, so a model stored before a feature was added still lines up.
        let columns = model.features.map { features.names.firstIndex(of: $0) }
        let bands = configuration.effectiveBands
        // Share bands need the whole batch, so the module's labels are set once every account is scored.
        return bands.relabel(
            features.rows.indices.map { position in
                let values = columns.map { column in column.flatMap { features.values[position][$0] } }
                let standardised = model.standardised(values)
                let terms = zip(model.coefficients, standardised).map { $0 * $1 }
                let logOdds = model.intercept + terms.reduce(0, +)
                let baseline = 100 * TrainedModel.sigmoid(model.intercept)
                let risk = 100 * TrainedModel.sigmoid(logOdds)
                let spread = logOdds - model.intercept
                let slope: Double
                if abs(spread) > 1e-12 {
                    slope = (risk - baseline) / spread
                } else {
                    slope = baseline * (1 - baseline / 100)
                }
                var components = [
                    Component(
                        signal: "baseline", raw: model.intercept, normalised: 0, weight: 0, contribution: baseline)
                ]
                for index in model.features.indices {
                    components.append(
                        Component(
                            signal: model.features[index], raw: values[index], normalised: standardised[index],
                            weight: model.coefficients[index], contribution: slope * terms[index]))
                }
                // The components' sum, so the score is exactly what they add up to.
                let value = components.total
                return ScoredAccount(
                    accountID: facts.accounts[features.rows[position]].id, value: value, band: bands.label(for: value),
                    components: components,
                    details: [("probability", .number((risk * 100).rounded() / 10_000))]
                        + (model.source.map { [("model", DetailValue.text($0))] } ?? []))
            })
    }
}
