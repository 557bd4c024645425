import Foundation
import ScoreKit
import Store

extension FactLoader {
    /// One pass over MRR changes for the MRR in force as of the day and as of each earlier day asked for, and for
    /// the decayed count of recent rises (new business and expansions: deal activity).
    ///
    /// The last change on or before a day holds the MRR in force then; rows arrive in time order per account, so the
    /// last one written for each day wins. An account without a change by an earlier day has no MRR then (nil).
    func loadMRRFacts(_ wanted: Set<FactKey>, asOf: Day, into builder: inout ColumnBuilder) throws {
        let earlier = wanted.compactMap { key -> (key: FactKey, day: String)? in
            guard case .pastMRR(let days) = key else { return nil }
            return (key, asOf.adding(days: -days).description)
        }
        let decayed = wanted.compactMap { key -> (key: FactKey, halfLife: Double, days: Int)? in
            guard case .decayedExpansions(let halfLife, let days) = key else { return nil }
            return (key, Double(max(1, halfLife)), days)
        }
        let wantsCurrent = wanted.contains(.currentMRR)
        guard wantsCurrent || !earlier.isEmpty || !decayed.isEmpty else { return }
        var previous: (account: Int64, mrr: Double)?
        var sums: [FactKey: Double] = [:]
        try database.makeStatement(
            "SELECT account_id, mrr_cents, effective_date FROM mrr_changes WHERE effective_date <= ? "
                + "ORDER BY account_id, effective_date, id"
        ).forEach([.text(asOf.description)]) { row in
            let account = row.integer(0)
            let mrr = row.double(1)
            let before = previous?.account == account ? previous?.mrr : nil
            if previous?.account != account { sums = [:] }
            previous = (account, mrr)
            guard let position = builder.position(account) else { return }
            // A rise: the first MRR above 0, or one above the change before it.
            if !decayed.isEmpty, mrr > (before ?? 0), let effective = row.text(2).flatMap(Day.init(iso:)) {
                let age = asOf.days(since: effective)
                for entry in decayed where age < entry.days {
                    sums[entry.key, default: 0] += pow(0.5, Double(age) / entry.halfLife)
                    builder.set(entry.key, position, sums[entry.key] ?? 0)
                }
            }
            if wantsCurrent { builder.set(.currentMRR, position, mrr) }
            guard let effective = row.text(2) else { return }
            for (key, day) in earlier where effective.prefix(10) <= day.prefix(10) {
                builder.set(key, position, mrr)
            }
        }
    }
}
