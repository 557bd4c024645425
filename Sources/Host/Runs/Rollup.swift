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
/// children, computed bottom-up in a fixed order, so a parent that is itself a child enters its own parent's roll-up
/// with its rolled-up score and every rerun gives the same numbers. Its components are then one per member (raw =
/// the member's score, weight = the member's share), so they still sum to the score and `explain` shows the
/// children's part.
struct Rollup {
    let method: RollupMethod
    let higherIsBetter: Bool
    let band: (Double) -> String

    func apply(_ scores: [ScoredAccount], parents: [String: String], revenue: [String: Double]) -> [ScoredAccount] {
        var byID = Dictionary(scores.map { ($0.accountID, $0) }, uniquingKeysWith: { first, _ in first })
        var children: [String: [String]] = [:]
        for (child, parent) in parents where byID[child] != nil && child != parent {
            children[parent, default: []].append(child)
        }
        for parent in Self.bottomUp(children) {
            let kids = children[parent, default: []].sorted()
            let members = ([parent] + kids).compactMap { byID[$0] }
            guard !members.isEmpty else { continue }
            let weights: [Double]
            switch method {
            case .mean:
                weights = members.map { _ in 100 / Double(members.count) }
            case .revenue:
                let amounts = members.map { max(0, revenue[$0.accountID] ?? 0) }
                let total = amounts.reduce(0, +)
                weights =
                    total > 0 ? amounts.map { $0 / total * 100 } : members.map { _ in 100 / Double(members.count) }
            case .worst:
                let worst = higherIsBetter ? members.min { $0.value < $1.value } : members.max { $0.value < $1.value }
                weights = members.map { $0.accountID == worst?.accountID ? 100 : 0 }
            }
            let components = zip(members, weights).map { member, weight in
                Component(
                    signal: member.accountID == parent ? "own score" : "child \(member.accountID)",
                    raw: member.value, normalised: member.value, weight: weight)
            }
            let value = components.total
            byID[parent] = ScoredAccount(
                accountID: parent, value: value, band: band(value), components: components,
                details: [
                    ("rollup", .text(method.rawValue)), ("children", .integer(kids.count)),
                    ("own_score", byID[parent].map { .number($0.value) } ?? .text("not scored")),
                ])
        }
        return byID.values.sorted { $0.accountID < $1.accountID }
    }

    /// The parents in the order their roll-ups must be made: a parent after every descendant that is itself a parent
    /// (by height, then id), so a grandparent takes its children's rolled-up scores, the same on every run.
    ///
    /// A cycle of parent links is cut where the walk meets it again.
    static func bottomUp(_ children: [String: [String]]) -> [String] {
        var heights: [String: Int] = [:]
        var visiting: Set<String> = []
        func height(_ account: String) -> Int {
            if let known = heights[account] { return known }
            guard let kids = children[account], visiting.insert(account).inserted else { return 0 }
            let value = 1 + (kids.sorted().map(height).max() ?? 0)
            visiting.remove(account)
            heights[account] = value
            return value
        }
        let ordered: [(account: String, height: Int)] = children.keys.sorted().map { ($0, height($0)) }
        return ordered.sorted { lhs, rhs in
            lhs.height == rhs.height ? lhs.account < rhs.account : lhs.height < rhs.height
        }.map(\.account)
    }
}
