import ScoreKit

/// The team's value assessment (seed 000): four items answered per account, yes/no summed 0-4 or rated 1-10 and
/// weighted.
///
/// Accounts with at least one answer are scored; an unanswered item counts as "no" (or the lowest rating), and the
/// `answered` detail says how many items were answered, so a partial assessment is visible.
struct QualitativeScorer {
    let configuration: ValueConfiguration

    func score(_ facts: FactTable) -> [ScoredAccount] {
        let items = configuration.items
        let answers = items.map { facts.column(.assessment(item: $0)) }
        let base = facts.accounts.indices.filter { row in answers.contains { $0[row] != nil } }
        let weights = configuration.effectiveWeights
        let bands = configuration.effectiveBands

        return base.map { row in
            let components = zip(items, weights).enumerated().map { index, pair in
                let answer = answers[index][row]
                return Component(
                    signal: pair.0, raw: answer, normalised: normalised(answer), weight: pair.1.weight, isManual: true)
            }
            let value = components.total
            var details: [(name: String, value: DetailValue)] = [
                ("answered", .integer(answers.filter { $0[row] != nil }.count))
            ]
            if configuration.answers == .yesNo {
                details.insert(("points", .integer(answers.filter { ($0[row] ?? 0) >= 1 }.count)), at: 0)
            }
            return ScoredAccount(
                accountID: facts.accounts[row].id, value: value, band: bands.label(for: value), components: components,
                details: details)
        }
    }

    /// Yes = 100, no = 0; a rating 1...10 scales to 0...100.
    private func normalised(_ answer: Double?) -> Double {
        guard let answer else { return 0 }
        switch configuration.answers {
        case .yesNo: return answer >= 1 ? 100 : 0
        case .rating: return (min(max(answer, 1), 10) - 1) / 9 * 100
        }
    }
}
