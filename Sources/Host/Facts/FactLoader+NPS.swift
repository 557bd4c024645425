import ScoreKit
import Store

extension FactLoader {
    /// The latest NPS answer on or before the as-of day; rows arrive in time order per account, so the last one wins.
    func loadNPSFacts(_ wanted: Set<FactKey>, asOf: Day, into builder: inout ColumnBuilder) throws {
        guard wanted.contains(.latestNPS) else { return }
        try database.makeStatement(
            "SELECT account_id, score FROM nps_responses WHERE responded_date <= ? "
                + "ORDER BY account_id, responded_date, id"
        ).forEach([.text(asOf.description)]) { row in
            guard let position = builder.position(row.integer(0)) else { return }
            builder.set(.latestNPS, position, row.double(1))
        }
    }
}
