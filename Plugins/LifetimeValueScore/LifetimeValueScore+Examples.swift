import ScoreKit

extension LifetimeValueScore {
    /// A small base with the closed-form checks: no repeat purchase means P(alive) = 1, and recent repeat activity
    /// keeps an account more alive than the same activity long ago.
    public static var examples: [WorkedExample<LifetimeValueScore>] {
        var configuration = LifetimeValueConfiguration()
        configuration.minRepeatAccounts = 20
        var rows: [(account: AccountRef, facts: [FactKey: Double])] = []
        // A spread of 60 buyers: frequencies 0-5, recencies spread over their ages, spends around 50.
        for index in 0..<60 {
            let age = Double(200 + (index * 37) % 160)
            let frequency = Double(index % 6)
            let recency = frequency == 0 ? 0 : age * Double(1 + (index * 7) % 9) / 10
            rows.append(
                (
                    AccountRef("c\(index)"),
                    [
                        .repeatPurchaseDays: frequency, .purchaseSpanDays: recency, .tenureDays: age,
                        .repeatPurchaseValue: frequency == 0 ? 0 : Double(4_000 + (index * 131) % 2_500),
                    ]
                ))
        }
        rows.append((AccountRef("one-time"), [.repeatPurchaseDays: 0, .purchaseSpanDays: 0, .tenureDays: 300]))
        rows.append(
            (
                AccountRef("recent"),
                [
                    .repeatPurchaseDays: 4, .purchaseSpanDays: 290, .tenureDays: 300, .repeatPurchaseValue: 5_000,
                ]
            ))
        rows.append(
            (
                AccountRef("lapsed"),
                [
                    .repeatPurchaseDays: 4, .purchaseSpanDays: 40, .tenureDays: 300, .repeatPurchaseValue: 5_000,
                ]
            ))
        let facts = FactTable(asOf: .workedExample, rows: rows)
        return [
            WorkedExample(
                name: "P(alive) is 1 without repeat purchases", configuration: configuration, facts: facts,
                expected: [Expectation("one-time", details: [("p_alive", .number(1))])])
        ]
    }
}
