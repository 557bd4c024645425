import ScoreKit
import Store

extension FactLoader {
    /// Referred accounts and their revenue, first and second degree, in one grouped query.
    ///
    /// An account's `referred_by` names its referrer's account id. A referral counts from the referred account's
    /// created day (always, when it has none), so an account created after the as-of day was not referred yet; its
    /// revenue is what it paid in the window on invoices issued and paid by the as-of day. Second degree follows two
    /// links and never returns to the referrer itself. Accounts that referred nobody are left nil.
    func loadReferralFacts(_ wanted: Set<FactKey>, asOf: Day, into builder: inout ColumnBuilder) throws {
        var degrees: Set<Int> = []
        var windows: Set<Int> = []
        for key in wanted {
            switch key {
            case .referredAccounts(let degree): degrees.insert(degree)
            case .referredRevenue(let degree, let days):
                degrees.insert(degree)
                windows.insert(days)
            default: break
            }
        }
        guard !degrees.isEmpty else { return }
        let sorted = windows.sorted()
        // ?1 is the as-of day, ?2 the start of the widest window, ?3... the start of each window.
        var columns = ["l.referrer", "l.degree", "count(*)"]
        for offset in sorted.indices {
            columns.append("coalesce(sum(r.paid_\(offset)), 0)")
        }
        let revenueColumns = sorted.indices.map { offset in
            "sum(CASE WHEN issued_date > ?\(offset + 3) THEN amount_paid_cents ELSE 0 END) AS paid_\(offset)"
        }
        let sql = """
            WITH direct AS (
                SELECT p.id AS referrer, c.id AS referred
                FROM accounts c JOIN accounts p ON p.external_id = c.referred_by
                WHERE c.referred_by IS NOT NULL AND (c.created_date IS NULL OR c.created_date <= ?1) AND c.id <> p.id
            ),
            links AS (
                SELECT referrer, referred, 1 AS degree FROM direct
                UNION
                SELECT d1.referrer, d2.referred, 2 FROM direct d1 JOIN direct d2 ON d2.referrer = d1.referred
                WHERE d2.referred <> d1.referrer
            ),
            revenue AS (
                SELECT account_id\(revenueColumns.isEmpty ? "" : ", " + revenueColumns.joined(separator: ", "))
                FROM invoices
                WHERE status = 'paid' AND issued_date > ?2 AND issued_date <= ?1
                  AND (paid_date IS NULL OR paid_date <= ?1)
                GROUP BY account_id
            )
            SELECT \(columns.joined(separator: ", "))
            FROM links l LEFT JOIN revenue r ON r.account_id = l.referred
            GROUP BY l.referrer, l.degree
            """
        let widest = sorted.last ?? 0
        let values =
            [SQLValue.text(asOf.description), .text(asOf.adding(days: -widest).description)]
            + sorted.map { SQLValue.text(asOf.adding(days: -$0).description) }
        try database.makeStatement(sql).forEach(values) { row in
            guard let position = builder.position(row.integer(0)) else { return }
            let degree = Int(row.integer(1))
            builder.set(.referredAccounts(degree: degree), position, row.double(2))
            for (offset, days) in sorted.enumerated() {
                builder.set(.referredRevenue(degree: degree, windowDays: days), position, row.double(Int32(3 + offset)))
            }
        }
    }
}
