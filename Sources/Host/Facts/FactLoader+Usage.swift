import ScoreKit
import Store

extension FactLoader {
    /// One grouped pass over daily usage for key-feature uses and mean active users in every window asked for, decayed
    /// key-feature uses (SQLite's `pow`, built in since 3.35) and peak active users.
    ///
    /// An account gets a window's facts only when it has usage rows in that window; days after the as-of day are
    /// never read.
    func loadUsageFacts(_ wanted: Set<FactKey>, asOf: Day, into builder: inout ColumnBuilder) throws {
        var windows: Set<Int> = []
        var decayed: [(key: FactKey, halfLife: Int, days: Int)] = []
        var peaks: [(key: FactKey, days: Int)] = []
        for key in wanted {
            switch key {
            case .keyFeatureUses(let days), .averageActiveUsers(let days): windows.insert(days)
            case .decayedKeyFeatureUses(let halfLife, let days): decayed.append((key, halfLife, days))
            case .peakActiveUsers(let days): peaks.append((key, days))
            default: break
            }
        }
        guard let widest = (windows.map { $0 } + decayed.map(\.days) + peaks.map(\.days)).max() else { return }
        let sorted = windows.sorted()
        // ?1 is the as-of day, ?2 the start of the widest window, ?3... the start of each narrower window (the windows
        // ascend, so the widest, when it is one of them, is last and goes unbound).
        var columns = ["account_id"]
        for (offset, days) in sorted.enumerated() {
            // The widest window is the WHERE clause's already: its columns need no CASE (on M, a fifth of the pass).
            let inWindow = { (value: String) in
                days == widest ? value : "CASE WHEN day > ?\(offset + 3) THEN \(value) END"
            }
            columns.append("count(\(inWindow("1")))")
            columns.append("coalesce(sum(\(inWindow("key_feature_uses"))), 0)")
            // As a double on both engines: PostgreSQL's avg of integers is numeric, rounded to 16 places before the
            // double, a last digit off SQLite's.
            columns.append("avg(CAST(\(inWindow("active_users")) AS DOUBLE PRECISION))")
        }
        // Decay and peaks after the windows' columns; their window starts are bound literally (whole days).
        let extraStart = Int32(columns.count)
        for entry in decayed {
            let start = asOf.adding(days: -entry.days).description
            columns.append(
                "sum(CASE WHEN day > '\(start)' THEN coalesce(key_feature_uses, 0) "
                    + "* pow(0.5, (julianday(?1) - julianday(day)) / \(max(1, entry.halfLife))) ELSE 0 END)")
        }
        for entry in peaks {
            columns.append("max(CASE WHEN day > '\(asOf.adding(days: -entry.days).description)' THEN active_users END)")
        }
        let sql = """
            SELECT \(columns.joined(separator: ", "))
            FROM usage_daily
            WHERE day <= ?1 AND day > ?2
            GROUP BY account_id
            """
        let values =
            [SQLValue.text(asOf.description), .text(asOf.adding(days: -widest).description)]
            + sorted.filter { $0 != widest }.map { SQLValue.text(asOf.adding(days: -$0).description) }
        try database.makeStatement(sql).forEach(values) { row in
            guard let position = builder.position(row.integer(0)) else { return }
            for (offset, entry) in decayed.enumerated() {
                builder.set(entry.key, position, row.double(extraStart + Int32(offset)))
            }
            for (offset, entry) in peaks.enumerated() {
                if let peak = row.optionalDouble(extraStart + Int32(decayed.count + offset)) {
                    builder.set(entry.key, position, peak)
                }
            }
            for (offset, days) in sorted.enumerated() {
                let column = Int32(1 + offset * 3)
                guard row.integer(column) > 0 else { continue }
                if wanted.contains(.keyFeatureUses(windowDays: days)) {
                    builder.set(.keyFeatureUses(windowDays: days), position, row.double(column + 1))
                }
                if wanted.contains(.averageActiveUsers(windowDays: days)), let users = row.optionalDouble(column + 2) {
                    builder.set(.averageActiveUsers(windowDays: days), position, users)
                }
            }
        }
    }
}
