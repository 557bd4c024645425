import ScoreKit
import Store

extension FactLoader {
    /// Purchase days for the clv module, in one grouped pass: paid invoices on or before the day, same-day invoices
    /// summed into one purchase; frequency = days - 1, recency = first to last day, and the mean of the repeat days.
    func loadPurchaseDayFacts(_ wanted: Set<FactKey>, asOf: Day, into builder: inout ColumnBuilder) throws {
        guard wanted.contains(.repeatPurchaseDays) || wanted.contains(.purchaseSpanDays) || wanted.contains(.repeatPurchaseValue) else {
            return
        }
        let day = SQLValue.text(asOf.description)
        try database.statement(
            """
            WITH days AS (
                SELECT account_id, issued_date AS day, sum(amount_paid_cents) AS amount FROM invoices
                WHERE status = 'paid' AND issued_date <= ? AND (paid_date IS NULL OR paid_date <= ?)
                GROUP BY account_id, issued_date),
            firsts AS (SELECT account_id, min(day) AS first_day FROM days GROUP BY account_id)
            SELECT d.account_id, count(*), f.first_day, max(d.day), sum(d.amount),
                   sum(CASE WHEN d.day = f.first_day THEN d.amount ELSE 0 END)
            FROM days d JOIN firsts f ON f.account_id = d.account_id
            GROUP BY d.account_id
            """
        ).forEach([day, day]) { row in
            guard let position = builder.position(row.integer(0)),
                let first = row.text(2).flatMap(Day.init(iso:)), let last = row.text(3).flatMap(Day.init(iso:))
            else { return }
            let repeats = Double(row.integer(1) - 1)
            builder.set(.repeatPurchaseDays, position, repeats)
            builder.set(.purchaseSpanDays, position, Double(last.days(since: first)))
            builder.set(.repeatPurchaseValue, position, repeats > 0 ? (row.double(4) - row.double(5)) / repeats : 0)
        }
    }
}
