import ScoreKit
import Store

extension FactLoader {
    /// One grouped pass over payments (synced charges) for failed and disputed charges in windows ending on the as-of
    /// day.
    ///
    /// An account with a charge created on or before the day gets every asked-for fact, 0 when none count; one
    /// without (billing imported as invoices only) has no charge history and gets none. A dispute counts on its
    /// charge's day: the data does not say when it was opened.
    func loadChargeFacts(_ wanted: Set<FactKey>, asOf: Day, into builder: inout ColumnBuilder) throws {
        var windows: Set<Int> = []
        for key in wanted {
            switch key {
            case .failedCharges(let days), .disputedCharges(let days): windows.insert(days)
            default: break
            }
        }
        guard !windows.isEmpty else { return }
        let sorted = windows.sorted()
        // ?1 is the as-of day, ?2... the start of each window (charges created after it are in the window).
        var columns = ["account_id"]
        for offset in sorted.indices {
            let inWindow = "created_date > ?\(offset + 2)"
            columns += [
                "sum(CASE WHEN \(inWindow) AND status = 'failed' THEN 1 ELSE 0 END)",
                "sum(CASE WHEN \(inWindow) AND disputed = 1 THEN 1 ELSE 0 END)",
            ]
        }
        let sql = """
            SELECT \(columns.joined(separator: ", ")) FROM payments WHERE created_date <= ?1 GROUP BY account_id
            """
        let values =
            [SQLValue.text(asOf.description)] + sorted.map { SQLValue.text(asOf.adding(days: -$0).description) }
        try database.makeStatement(sql).forEach(values) { row in
            guard let position = builder.position(row.integer(0)) else { return }
            for (offset, days) in sorted.enumerated() {
                let column = Int32(1 + offset * 2)
                for (index, key) in [FactKey.failedCharges(windowDays: days), .disputedCharges(windowDays: days)]
                    .enumerated() where wanted.contains(key)
                {
                    builder.set(key, position, row.double(column + Int32(index)))
                }
            }
        }
    }
}
