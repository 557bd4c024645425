import ScoreKit

/// How a parent account's score is made from its own and its children's (accounts' `parent_id`).
public enum RollupMethod: String, Sendable, CaseIterable {
    /// The plain mean of the parent's and children's scores.
    case mean
    /// The mean weighted by each account's paid revenue in the last 365 days.
    case revenue
    /// The worst of them: the lowest where higher is better, the highest for a risk score.
    case worst
}

/// Rolls children's scores up into their parents', after the module has scored every account on its own.
///
/// Children keep their own scores. A parent's score becomes the roll-up of itself (when scored) and its scored
/// children; its components are then one per member (raw = the member's score, weight = the member's share), so they
/// still sum to the score and `explain` shows the children's part.
struct Rollup {
    let method: RollupMethod
    let higherIsBetter: Bool
    let band: (Double) -> String

    func apply(_ scores: [AccountScore], parents: [String: String], revenue: [String: Double]) -> [AccountScore] {
        var byID = Dictionary(scores.map { ($0.accountID, $0) }, uniquingKeysWith: { first, _ in first })
        var children: [String: [String]] = [:]
        for (child, parent) in parents where byID[child] != nil && child != parent {
            children[parent, default: []].append(child)
        }
        for (parent, kids) in children {
            let members = ([parent] + kids.sorted()).compactMap { byID[$0] }
            guard !members.isEmpty else { continue }
            let weights: [Double]
            switch method {
            case .mean:
                weights = members.map { _ in 100 / Double(members.count) }
            case .revenue:
                let amounts = members.map { max(0, revenue[$0.accountID] ?? 0) }
                let total = amounts.reduce(0, +)
                weights = total > 0 ? amounts.map { $0 / total * 100 } : members.map { _ in 100 / Double(members.count) }
            case .worst:
                let worst = higherIsBetter ? members.min { $0.value < $1.value } : members.max { $0.value < $1.value }
                weights = members.map { $0.accountID == worst?.accountID ? 100 : 0 }
            }
            let components = zip(members, weights).map { member, weight in
                Component(signal: member.accountID == parent ? "own score" : "child \(member.accountID)",
                          raw: member.value, normalised: member.value, weight: weight)
            }
            let value = components.total
            byID[parent] = AccountScore(
                accountID: parent, value: value, band: band(value), components: components,
                details: [("rollup", .text(method.rawValue)), ("children", .integer(kids.count)),
                          ("own_score", byID[parent].map { .number($0.value) } ?? .text("not scored"))])
        }
        return Array(byID.values)
    }
}
