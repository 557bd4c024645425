import ScoreKit
import Store

extension FactLoader {
    /// One grouped pass over invoices for payment behaviour: issued, due, on time, late, uncollectible, open balance,
    /// and the days to the next expected invoice.
    ///
    /// Void, draft and deleted invoices are left out (a billing source's deleted invoice keeps its row, with status
    /// `deleted`). An invoice without a due day is due on its issue day. As of a day, an invoice is paid when its
    /// status is paid and its paid day (if any) is not later; one paid later was open then. An uncollectible invoice
    /// counts as failed once its due day has passed and is not part of the open balance: the data does not say when
    /// it was written off. Every account with an invoice issued by the day gets every asked-for fact, 0 when none
    /// count.
    func loadPaymentFacts(_ wanted: Set<FactKey>, asOf: Day, into builder: inout ColumnBuilder) throws {
        var windows: Set<Int> = []
        for key in wanted {
            switch key {
            case .invoicesIssued(let days), .invoicedAmount(let days), .invoicesDue(let days),
                .invoicesPaidOnTime(let days), .averageDaysLate(let days), .uncollectibleInvoices(let days):
                windows.insert(days)
            default: break
            }
        }
        let wantsOpenBalance = wanted.contains(.openBalance)
        let wantsNextInvoice = wanted.contains(.daysToNextInvoice)
        guard wantsOpenBalance || wantsNextInvoice || !windows.isEmpty else { return }
        let sorted = windows.sorted()
        // ?1 is the as-of day, ?2... the start of each window (issue days after it are in the window).
        let paidByDay = "status = 'paid' AND (paid_date IS NULL OR paid_date <= ?1)"
        var columns = [
            "account_id",
            """
            sum(CASE WHEN \(paidByDay) OR status = 'uncollectible' THEN 0
                     WHEN status = 'paid' THEN amount_due_cents
                     ELSE max(0, amount_due_cents - amount_paid_cents) END)
            """,
        ]
        for offset in sorted.indices {
            let inWindow = "issued_date > ?\(offset + 2)"
            let isDue = "\(inWindow) AND due <= ?1"
            // Days from the due day to the paid day (or the as-of day while unpaid); a paid invoice without a paid
            // day counts as on time.
            let settled =
                "CASE WHEN status = 'paid' AND paid_date IS NULL THEN due WHEN \(paidByDay) THEN paid_date ELSE ?1 END"
            columns += [
                "sum(CASE WHEN \(inWindow) THEN 1 ELSE 0 END)",
                "sum(CASE WHEN \(inWindow) THEN amount_due_cents ELSE 0 END)",
                "sum(CASE WHEN \(isDue) THEN 1 ELSE 0 END)",
                "sum(CASE WHEN \(isDue) AND status = 'paid' AND (paid_date IS NULL OR paid_date <= due) "
                    + "THEN 1 ELSE 0 END)",
                "avg(CASE WHEN \(isDue) THEN max(0, julianday(\(settled)) - julianday(due)) END)",
                "sum(CASE WHEN \(isDue) AND status = 'uncollectible' THEN 1 ELSE 0 END)",
            ]
        }
        // The next invoice: the last issue day plus the mean gap between distinct issue days (30 with only one).
        let nextColumn = Int32(columns.count)
        if wantsNextInvoice {
            columns.append(
                "julianday(max(issued_date)) + CASE WHEN count(DISTINCT issued_date) > 1 THEN "
                    + "(julianday(max(issued_date)) - julianday(min(issued_date))) / (count(DISTINCT issued_date) - 1) "
                    + "ELSE 30 END - julianday(?1)")
        }
        let sql = """
            SELECT \(columns.joined(separator: ",\n       "))
            FROM (SELECT account_id, issued_date, coalesce(due_date, issued_date) AS due, paid_date, status,
                         amount_due_cents, amount_paid_cents
                  FROM invoices
                  WHERE issued_date <= ?1 AND status NOT IN ('void', 'draft', 'deleted')) AS billed
            GROUP BY account_id
            """
        let values =
            [SQLValue.text(asOf.description)] + sorted.map { SQLValue.text(asOf.adding(days: -$0).description) }
        try database.makeStatement(sql).forEach(values) { row in
            guard let position = builder.position(row.integer(0)) else { return }
            if wantsOpenBalance { builder.set(.openBalance, position, row.double(1)) }
            if wantsNextInvoice { builder.set(.daysToNextInvoice, position, max(0, row.double(nextColumn).rounded())) }
            for (offset, days) in sorted.enumerated() {
                let column = Int32(2 + offset * 6)
                let facts: [FactKey] = [
                    .invoicesIssued(windowDays: days), .invoicedAmount(windowDays: days),
                    .invoicesDue(windowDays: days),
                    .invoicesPaidOnTime(windowDays: days), .averageDaysLate(windowDays: days),
                    .uncollectibleInvoices(windowDays: days),
                ]
                for (index, key) in facts.enumerated() where wanted.contains(key) {
                    // No invoice due in the window: no lateness to average, so the mean is left unknown.
                    if let value = row.optionalDouble(column + Int32(index)) { builder.set(key, position, value) }
                }
            }
        }
    }
}
