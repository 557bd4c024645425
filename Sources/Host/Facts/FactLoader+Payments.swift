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
        // ?1 is the as-of day, ?2... the start of each window (issue days after it are in the window). Only the
        // columns asked for are computed: on M, health's two of the seven took the pass from 1.1 to 0.5 CPU seconds.
        let sorted = windows.sorted()
        let paidByDay = "status = 'paid' AND (paid_date IS NULL OR paid_date <= ?1)"
        var columns = ["account_id"]
        var facts: [(key: FactKey, column: Int32)] = []
        func add(_ key: FactKey, _ expression: String) {
            guard wanted.contains(key) else { return }
            facts.append((key, Int32(columns.count)))
            columns.append(expression)
        }
        add(
            .openBalance,
            """
            sum(CASE WHEN \(paidByDay) OR status = 'uncollectible' THEN 0
                     WHEN status = 'paid' THEN amount_due_cents
                     ELSE max(0, amount_due_cents - amount_paid_cents) END)
            """)
        for (offset, days) in sorted.enumerated() {
            let inWindow = "issued_date > ?\(offset + 2)"
            let isDue = "\(inWindow) AND due <= ?1"
            // Days from the due day to the paid day (or the as-of day while unpaid); a paid invoice without a paid
            // day counts as on time.
            let settled =
                "CASE WHEN status = 'paid' AND paid_date IS NULL THEN due WHEN \(paidByDay) THEN paid_date ELSE ?1 END"
            add(.invoicesIssued(windowDays: days), "sum(CASE WHEN \(inWindow) THEN 1 ELSE 0 END)")
            add(.invoicedAmount(windowDays: days), "sum(CASE WHEN \(inWindow) THEN amount_due_cents ELSE 0 END)")
            add(.invoicesDue(windowDays: days), "sum(CASE WHEN \(isDue) THEN 1 ELSE 0 END)")
            add(
                .invoicesPaidOnTime(windowDays: days),
                "sum(CASE WHEN \(isDue) AND status = 'paid' AND (paid_date IS NULL OR paid_date <= due) "
                    + "THEN 1 ELSE 0 END)")
            add(
                .averageDaysLate(windowDays: days),
                "avg(CASE WHEN \(isDue) THEN max(0, julianday(\(settled)) - julianday(due)) END)")
            add(
                .uncollectibleInvoices(windowDays: days),
                "sum(CASE WHEN \(isDue) AND status = 'uncollectible' THEN 1 ELSE 0 END)")
        }
        // The next invoice: the last issue day plus the mean gap between distinct issue days (30 with only one).
        add(
            .daysToNextInvoice,
            "julianday(max(issued_date)) + CASE WHEN count(DISTINCT issued_date) > 1 THEN "
                + "(julianday(max(issued_date)) - julianday(min(issued_date))) / (count(DISTINCT issued_date) - 1) "
                + "ELSE 30 END - julianday(?1)")
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
            for (key, column) in facts {
                // No invoice due in a window: no lateness to average, so the mean is left unknown.
                guard let value = row.optionalDouble(column) else { continue }
                builder.set(key, position, key == .daysToNextInvoice ? max(0, value.rounded()) : value)
            }
        }
    }
}
