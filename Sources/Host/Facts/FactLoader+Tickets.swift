import ScoreKit
import Store

extension FactLoader {
    /// One grouped pass over tickets for unresolved tickets as of the day and high-priority tickets per window.
    ///
    /// Tickets carry timestamps; their first ten characters are the day. A ticket opened after the as-of day does not
    /// exist yet, and one closed after it was still unresolved then. Every account with a ticket gets every asked-for
    /// fact (0 when none count); accounts without tickets are left nil for the module to read as none.
    func loadTicketFacts(_ wanted: Set<FactKey>, asOf: Day, into builder: inout ColumnBuilder) throws {
        var windows: Set<Int> = []
        for key in wanted {
            if case .highPriorityTickets(let days) = key { windows.insert(days) }
        }
        let wantsUnresolved = wanted.contains(.unresolvedTickets)
        guard wantsUnresolved || !windows.isEmpty else { return }
        let sorted = windows.sorted()
        // ?1 is the as-of day, ?2... the start of each window.
        var columns = [
            "account_id",
            "sum(CASE WHEN closed_at IS NULL OR substr(closed_at, 1, 10) > ?1 THEN 1 ELSE 0 END)",
        ]
        for offset in sorted.indices {
            columns.append(
                "sum(CASE WHEN substr(opened_at, 1, 10) > ?\(offset + 2) AND lower(priority) IN ('high', 'urgent') "
                    + "THEN 1 ELSE 0 END)")
        }
        let sql = """
            SELECT \(columns.joined(separator: ", "))
            FROM tickets
            WHERE substr(opened_at, 1, 10) <= ?1
            GROUP BY account_id
            """
        let values =
            [SQLValue.text(asOf.description)] + sorted.map { SQLValue.text(asOf.adding(days: -$0).description) }
        try database.makeStatement(sql).forEach(values) { row in
            guard let position = builder.position(row.integer(0)) else { return }
            if wantsUnresolved { builder.set(.unresolvedTickets, position, row.double(1)) }
            for (offset, days) in sorted.enumerated() {
                builder.set(.highPriorityTickets(windowDays: days), position, row.double(Int32(2 + offset)))
            }
        }
    }
}
