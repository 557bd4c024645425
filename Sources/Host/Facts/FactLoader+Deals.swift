import ScoreKit
import Store

extension FactLoader {
    /// One grouped pass over deals (HubSpot deals, Salesforce opportunities) for deals won in each window asked for
    /// and the money on deals open as of the day.
    ///
    /// A deal created after the as-of day does not exist yet. A deal is open on the day when it is not closed, or
    /// closed on a later day; a closed deal without a close day counts as closed. Every account with a deal created
    /// by then gets every asked-for fact (0 when none count); accounts without deals get none.
    func loadDealFacts(_ wanted: Set<FactKey>, asOf: Day, into builder: inout ColumnBuilder) throws {
        var windows: Set<Int> = []
        for key in wanted {
            if case .wonDeals(let days) = key { windows.insert(days) }
        }
        let sorted = windows.sorted()
        let closed = "substr(close_date, 1, 10)"
        // ?1 is the as-of day, ?2... the start of each window (deals closed after it are in the window).
        var columns = [
            "account_id",
            "sum(CASE WHEN coalesce(is_closed, 0) = 0 OR \(closed) > ?1 THEN coalesce(amount_cents, 0) ELSE 0 END)",
        ]
        for offset in sorted.indices {
            columns.append(
                "sum(CASE WHEN is_won = 1 AND \(closed) > ?\(offset + 2) AND \(closed) <= ?1 THEN 1 ELSE 0 END)")
        }
        let sql = """
            SELECT \(columns.joined(separator: ", ")) FROM deals
            WHERE substr(created_date, 1, 10) <= ?1 GROUP BY account_id
            """
        let values =
            [SQLValue.text(asOf.description)] + sorted.map { SQLValue.text(asOf.adding(days: -$0).description) }
        try database.makeStatement(sql).forEach(values) { row in
            guard let position = builder.position(row.integer(0)) else { return }
            if wanted.contains(.openDealAmount) { builder.set(.openDealAmount, position, row.double(1)) }
            for (offset, days) in sorted.enumerated() {
                builder.set(.wonDeals(windowDays: days), position, row.double(Int32(2 + offset)))
            }
        }
    }
}
