import ScoreKit

extension ValueScore {
    /// The seed 004 RFM table, a quintile base with ties, and the seed 000 assessment in both forms.
    public static var examples: [WorkedExample<ValueScore>] {
        [seedRFMTable, quintilesWithTies, yesNoAssessment, ratedAssessment]
    }

    /// Seed 004, "Worked Example: RFM Value Scoring": recency by bins at 30/60/90/180 days, F and M by quintile.
    static var seedRFMTable: WorkedExample<ValueScore> {
        var configuration = ValueConfiguration()
        configuration.recencyBins = [30, 60, 90, 180]
        let rows: [(String, Double, Double, Double, String, String)] = [
            ("Acme Corp", 8, 24, 4_800_000, "555", "Champion"),
            ("Beta LLC", 15, 18, 3_100_000, "544", "Loyal"),
            ("Gamma Inc", 62, 6, 1_200_000, "333", "Needs Attention"),
            ("Delta Co", 140, 3, 520_000, "222", "At Risk"),
            ("Epsilon Ltd", 310, 1, 80_000, "111", "Lost"),
        ]
        let facts = FactTable(
            asOf: .workedExample,
            rows: rows.map { row in
                (
                    AccountRef(row.0),
                    [
                        .daysSinceLastPayment: row.1, .paidInvoices(windowDays: 365): row.2,
                        .paidAmount(windowDays: 365): row.3,
                    ]
                )
            })
        let expected = rows.map { row in
            let letters = row.4.compactMap { Int(String($0)) }
            let value = Double(letters.reduce(0) { $0 + $1 - 1 }) * 25 / 3
            return Expectation(
                row.0, value: value, tolerance: 1e-9, band: row.5,
                details: [
                    ("code", .text(row.4)), ("r", .integer(letters[0])), ("f", .integer(letters[1])),
                    ("m", .integer(letters[2])), ("segment", .text(row.5)),
                ])
        }
        return WorkedExample(name: "seed 004 RFM table", configuration: configuration, facts: facts, expected: expected)
    }

    /// Pure quintiles on ten accounts: ties share a score, `ceil(5 x cume_dist)` (k of n at or below: (5k + n - 1) /
    /// n).
    static var quintilesWithTies: WorkedExample<ValueScore> {
        // Frequencies 1,1,2,3,3,3,5,8,8,13 score 1,1,2,3,3,3,4,5,5,5; recency is inverse, so days mirror it.
        let frequencies: [Double] = [1, 1, 2, 3, 3, 3, 5, 8, 8, 13]
        let days: [Double] = [400, 400, 200, 90, 90, 90, 40, 10, 10, 1]
        let expectedLetters = [1, 1, 2, 3, 3, 3, 4, 5, 5, 5]
        let facts = FactTable(
            asOf: .workedExample,
            rows: frequencies.indices.map { index in
                (
                    AccountRef("a\(index)"),
                    [
                        .daysSinceLastPayment: days[index], .paidInvoices(windowDays: 365): frequencies[index],
                        .paidAmount(windowDays: 365): frequencies[index] * 1000,
                    ]
                )
            })
        let expected = frequencies.indices.map { index in
            let letter = expectedLetters[index]
            return Expectation(
                "a\(index)", details: [("code", .text("\(letter)\(letter)\(letter)")), ("f", .integer(letter))])
        }
        return WorkedExample(
            name: "quintiles with ties", configuration: ValueConfiguration(), facts: facts, expected: expected)
    }

    /// Seed 000, simplest form: one point per yes, summed 0-4; 4 is the customer to fight hardest for.
    static var yesNoAssessment: WorkedExample<ValueScore> {
        var configuration = ValueConfiguration()
        configuration.method = .qualitative
        let items = configuration.items.map { FactKey.assessment(item: $0) }
        let facts = FactTable(
            asOf: .workedExample,
            rows: [
                (AccountRef("keeper"), Dictionary(uniqueKeysWithValues: items.map { ($0, 1.0) })),
                (AccountRef("maybe"), [items[0]: 1, items[1]: 1, items[2]: 0, items[3]: 0]),
                (AccountRef("unassessed"), [:]),
            ])
        return WorkedExample(
            name: "seed 000 yes/no assessment", configuration: configuration, facts: facts,
            expected: [
                Expectation(
                    "keeper", value: 100, band: "High", details: [("points", .integer(4)), ("answered", .integer(4))]),
                Expectation("maybe", value: 50, band: "Medium", details: [("points", .integer(2))]),
                .notScored("unassessed"),
            ])
    }

    /// Seed 000, nuanced form: items rated 1-10 with weights summing to 100.
    static var ratedAssessment: WorkedExample<ValueScore> {
        var configuration = ValueConfiguration()
        configuration.method = .qualitative
        configuration.answers = .rating
        configuration.weights = ["profile_fit": 40, "need_fit": 30, "low_effort": 20, "revenue_potential": 10]
        let items = configuration.items.map { FactKey.assessment(item: $0) }
        let facts = FactTable(
            asOf: .workedExample,
            rows: [(AccountRef("rated"), [items[0]: 10, items[1]: 1, items[2]: 10, items[3]: 1])])
        // (10-1)/9 x 100 x 40% + 0 + 100 x 20% + 0 = 60.
        return WorkedExample(
            name: "seed 000 rated assessment", configuration: configuration, facts: facts,
            expected: [Expectation("rated", value: 60, tolerance: 1e-9, band: "Medium")])
    }
}
