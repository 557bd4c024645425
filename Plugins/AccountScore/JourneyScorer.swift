import ScoreKit

/// Scores one journey: each weighted signal read and scaled, weighted by its share of the score (touchpoint weight x
/// signal weight / 100), summed; the components carry every tier in their names and the details each touchpoint's
/// points.
struct JourneyScorer {
    let name: String
    let journey: Journey
    let reader: AccountFacts

    /// Scores every account of the table.
    func score(_ facts: FactTable) -> [ScoredAccount] {
        let configuration = reader.configuration
        let leaves = journey.leaves
        let rows = Array(facts.accounts.indices)
        let raw = leaves.map { reader.raw($0.signal) }
        let scaled = zip(leaves, raw).map { reader.scaled($0.signal, $1) }
        let columns = SignalColumns(
            weights: leaves.map { (name: $0.name(in: name), weight: $0.share) }, raw: raw, scaled: scaled,
            missing: Normaliser.constantValue)
        let bands = configuration.effectiveBands
        let signals = Set(leaves.map(\.signal))
        let grades: [(name: String, signal: TouchpointSignal, kind: AccountSignal)] = [
            ("revenue_icp_grade", .revenueICP, .revenueICP), ("brand_icp_grade", .brandICP, .brandICP),
        ]
        let gradeMatches = grades.map { signals.contains($0.signal) ? reader.raw($0.signal) : [] }
        let committeeSources = signals.contains(.committee) ? reader.committeeSources() : []
        // Each touchpoint's components, found once rather than per account: one per leaf whose share is above 0 (a
        // share can underflow to 0, and such a leaf has no component), in the leaves' order.
        let weighted = leaves.filter { $0.share > 0 }
        let touchpoints = journey.orderedTouchpoints.map { touchpoint in
            (name: touchpoint.name, components: weighted.indices.filter { weighted[$0].touchpoint == touchpoint.name })
        }
        return bands.relabel(
            rows.map { row in
                let components = columns.components(row: row)
                let value = components.total
                var details: [(name: String, value: DetailValue)] = []
                for touchpoint in touchpoints {
                    let points = touchpoint.components.reduce(0) { $0 + components[$1].contribution }
                    details.append((touchpoint.name, .number((points * 100).rounded() / 100)))
                }
                for (grade, matches) in zip(grades, gradeMatches) where signals.contains(grade.signal) {
                    let match = matches[row] ?? 0
                    details.append(
                        (grade.name, .text(configuration.profile(grade.kind).effectiveGrades.label(for: match))))
                }
                if signals.contains(.committee) { details.append(committeeSources[row]) }
                return ScoredAccount(
                    accountID: facts.accounts[row].id, value: value, band: bands.label(for: value),
                    components: components, details: details)
            })
    }
}
