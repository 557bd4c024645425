import ScoreKit
import Store

extension FactLoader {
    /// Purchase days for the clv module, in one pass: paid invoices on or before the day, same-day invoices summed
    /// into one purchase; frequency = days - 1, recency = first to last day, and the mean of the repeat days.
    func loadPurchaseDayFacts(_ wanted: Set<FactKey>, asOf: Day, into builder: inout ColumnBuilder) throws {
        guard
            wanted.contains(.repeatPurchaseDays) || wanted.contains(.purchaseSpanDays)
                || wanted.contains(.repeatPurchaseValue)
        else {
            return
        }
        let day = SQLValue.text(asOf.description)
        // One pass: purchase days per account in index order (same-day invoices summed in SQL), folded per account.
        var current: Int64?
        var days = 0, first: Day?, last: Day?, firstAmount = 0.0, total = 0.0
        func flush() {
            guard let account = current, let position = builder.position(account), let first, let last else { return }
            let repeats = Double(days - 1)
            builder.set(.repeatPurchaseDays, position, repeats)
            builder.set(.purchaseSpanDays, position, Double(last.days(since: first)))
            builder.set(.repeatPurchaseValue, position, repeats > 0 ? (total - firstAmount) / repeats : 0)
        }
        try database.makeStatement(
            """
            SELECT account_id, issued_date, sum(amount_paid_cents) FROM invoices
            WHERE status = 'paid' AND issued_date <= ? AND (paid_date IS NULL OR paid_date <= ?)
            GROUP BY account_id, issued_date ORDER BY account_id, issued_date
            """
        ).forEach([day, day]) { row in
            let account = row.integer(0)
            guard let purchase = row.text(1).flatMap(Day.init(iso:)) else { return }
            let amount = row.double(2)
            if account != current {
                flush()
                current = account
                days = 0
                first = purchase
                firstAmount = amount
                total = 0
            }
            days += 1
            last = purchase
            total += amount
        }
        flush()
    }
}
