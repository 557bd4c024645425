import ScoreKit

extension ChurnScore {
    /// Rules on a small base, and a trained model's probability split into components.
    public static var examples: [WorkedExample<ChurnScore>] { [rulesBase, trainedModel] }

    /// Facts for one account with 30-day usage windows: uses in the last 30 days and in the 30 before.
    private static func facts(
        mrr: Double, pastMRR: Double, recentUses: Double, earlierUses: Double, urgent: Double, due: Double,
        onTime: Double, nps: Double?, daysToInvoice: Double
    ) -> [FactKey: Double] {
        var facts: [FactKey: Double] = [
            .currentMRR: mrr, .pastMRR(daysBefore: 90): pastMRR,
            .keyFeatureUses(windowDays: 30): recentUses, .keyFeatureUses(windowDays: 60): recentUses + earlierUses,
            .highPriorityTickets(windowDays: 90): urgent, .invoicesDue(windowDays: 180): due,
            .invoicesPaidOnTime(windowDays: 180): onTime, .daysToNextInvoice: daysToInvoice,
        ]
        if let nps { facts[.latestNPS] = nps }
        return facts
    }

    /// Default rules: `falling` halves its usage, has 4 urgent tickets, 4 late invoices, NPS 3 and renews in 5 days;
    /// `steady` is flat and clean; `shrinking` lost half its MRR; `gone` (MRR 0) is not scored.
    ///
    /// Trends -50, 0, +20 scale to 0, 71.4, 100, turned around; days 5, 60, 90 (200 capped) scale to 0, 64.7, 100,
    /// turned around.
    static var rulesBase: WorkedExample<ChurnScore> {
        let table = FactTable(
            asOf: .workedExample,
            rows: [
                (
                    AccountRef("falling"),
                    facts(
                        mrr: 1_000, pastMRR: 1_000, recentUses: 50, earlierUses: 100, urgent: 4, due: 6, onTime: 2,
                        nps: 3, daysToInvoice: 5)
                ),
                (
                    AccountRef("steady"),
                    facts(
                        mrr: 1_000, pastMRR: 1_000, recentUses: 100, earlierUses: 100, urgent: 0, due: 6, onTime: 6,
                        nps: 9, daysToInvoice: 60)
                ),
                (
                    AccountRef("shrinking"),
                    facts(
                        mrr: 500, pastMRR: 1_000, recentUses: 120, earlierUses: 100, urgent: 2, due: 6, onTime: 5,
                        nps: nil, daysToInvoice: 200)
                ),
                (
                    AccountRef("gone"),
                    facts(
                        mrr: 0, pastMRR: 1_000, recentUses: 0, earlierUses: 100, urgent: 9, due: 6, onTime: 0, nps: 0,
                        daysToInvoice: 0)
                ),
            ])
        return WorkedExample(
            name: "rules on a small base", configuration: ChurnConfiguration(), facts: table,
            expected: [
                // 30 + 15 + 15 + 15 + 0 + 10.
                Expectation("falling", value: 85, band: "High"),
                // usage 30 x 20/70, renewal 10 x 30/85.
                Expectation("steady", value: 60.0 / 7 + 60.0 / 17, tolerance: 1e-9, band: "Low"),
                // tickets 15 x 2/4, payments 15 x 1/4, contraction 15.
                Expectation("shrinking", value: 7.5 + 3.75 + 15, band: "Low"),
                .notScored("gone"),
            ])
    }

    /// A trained model with log-odds -2 + 0.5 x tickets - 0.02 x usage trend (features already standardised):
    /// `worried` (trend -50, 4 tickets) has log-odds 1, risk 100 x sigmoid(1); `average` sits at the means.
    static var trainedModel: WorkedExample<ChurnScore> {
        let names = ChurnSignal.allCases.map(\.rawValue)
        var configuration = ChurnConfiguration()
        configuration.mode = .trained
        configuration.model = TrainedModel(
            features: names, means: names.map { _ in 0 }, deviations: names.map { _ in 1 },
            coefficients: [-0.02, 0.5, 0, 0, 0, 0], intercept: -2, heldOutAUC: 0.8)
        let table = FactTable(
            asOf: .workedExample,
            rows: [
                (
                    AccountRef("worried"),
                    facts(
                        mrr: 1_000, pastMRR: 1_000, recentUses: 50, earlierUses: 100, urgent: 4, due: 6, onTime: 6,
                        nps: 9, daysToInvoice: 30)
                ),
                (
                    AccountRef("average"),
                    facts(
                        mrr: 1_000, pastMRR: 1_000, recentUses: 100, earlierUses: 100, urgent: 0, due: 6, onTime: 6,
                        nps: 9, daysToInvoice: 30)
                ),
            ])
        return WorkedExample(
            name: "trained model", configuration: configuration, facts: table,
            expected: [
                Expectation("worried", value: 73.105_857_863_000_49, tolerance: 1e-9, band: "High"),
                // 11.9% within the horizon is past the 10% where the probability bands start High.
                Expectation("average", value: 11.920_292_202_211_755, tolerance: 1e-9, band: "High"),
            ])
    }
}
