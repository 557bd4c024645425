import ScoreKit
import Store

extension FactLoader {
    /// One pass over MRR changes for the MRR in force as of the day and as of each earlier day asked for.
    ///
    /// The last change on or before a day holds the MRR in force then; rows arrive in time order per account, so the
    /// last one written for each day wins. An account without a change by an earlier day has no MRR then (nil).
    func loadMRRFacts(_ wanted: Set<FactKey>, asOf: Day, into builder: inout ColumnBuilder) throws {
        let earlier = wanted.compactMap { key -> (key: FactKey, day: String)? in
            guard case .pastMRR(let days) = key else { return nil }
            return (key, asOf.adding(days: -days).description)
        }
        let wantsCurrent = wanted.contains(.currentMRR)
        guard wantsCurrent || !earlier.isEmpty else { return }
        try database.statement(
            "SELECT account_id, mrr_cents, effective_date FROM mrr_changes WHERE effective_date <= ? "
                + "ORDER BY account_id, effective_date, id"
        ).forEach([.text(asOf.description)]) { row in
            guard let position = builder.position(row.integer(0)) else { return }
            let mrr = row.double(1)
            if wantsCurrent { builder.set(.currentMRR, position, mrr) }
            guard let effective = row.text(2) else { return }
            for (key, day) in earlier where effective.prefix(10) <= day.prefix(10) {
                builder.set(key, position, mrr)
            }
        }
    }
}
