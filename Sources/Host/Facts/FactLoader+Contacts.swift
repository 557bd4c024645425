import ScoreKit
import Store

extension FactLoader {
    /// One grouped pass over contacts for the distinct contacts known and those engaged in each window asked for.
    ///
    /// A person is their e-mail without case, else their record, so the same person synced from two sources into one
    /// account counts once. Contacts carry no date of their own, so every contact is known on every day; only its last
    /// activity has a day, and it counts as engagement when on or before the as-of day and inside the window. Every
    /// account with a contact gets every asked-for fact (0 engaged when none is); accounts without contacts get none.
    func loadContactFacts(_ wanted: Set<FactKey>, asOf: Day, into builder: inout ColumnBuilder) throws {
        var windows: Set<Int> = []
        for key in wanted {
            if case .engagedContacts(let days) = key { windows.insert(days) }
        }
        let sorted = windows.sorted()
        let person = "coalesce(nullif(lower(email), ''), source || ':' || external_id)"
        let activity = "substr(last_activity_date, 1, 10)"
        // ?1 is the as-of day, ?2... the start of each window (activity after it is in the window).
        var columns = ["account_id", "count(DISTINCT \(person))"]
        for offset in sorted.indices {
            columns.append(
                "count(DISTINCT CASE WHEN \(activity) > ?\(offset + 2) AND \(activity) <= ?1 THEN \(person) END)")
        }
        let sql = "SELECT \(columns.joined(separator: ", ")) FROM contacts GROUP BY account_id"
        let values =
            sorted.isEmpty
            ? [] : [SQLValue.text(asOf.description)] + sorted.map { SQLValue.text(asOf.adding(days: -$0).description) }
        try database.makeStatement(sql).forEach(values) { row in
            guard let position = builder.position(row.integer(0)) else { return }
            if wanted.contains(.knownContacts) { builder.set(.knownContacts, position, row.double(1)) }
            for (offset, days) in sorted.enumerated() {
                builder.set(.engagedContacts(windowDays: days), position, row.double(Int32(2 + offset)))
            }
        }
    }
}
