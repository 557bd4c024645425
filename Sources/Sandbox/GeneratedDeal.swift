import ScoreKit

/// A deal the Sandbox derives from an account's generated MRR history, so a rerun with the same seed serves the same
/// deals: new business and each expansion won, the renewal a churn lost, and for two live accounts in three an open
/// renewal closing after the data's last day.
///
/// HubSpot and Salesforce each serve their own copy.
struct GeneratedDeal {
    /// How the deal ended, if it has.
    enum Outcome { case open, won, lost }

    /// 1-based, over all deals in account order.
    let number: Int
    let accountIndex: Int
    let name: String
    let amountCents: Int
    let createdSeconds: Int64
    let closeSeconds: Int64
    let outcome: Outcome

    /// The deals of every account; `changes` are the generator's MRR rows (change_id, account_id, effective_date,
    /// mrr_cents, change_type) and `names` the accounts' names by index.
    static func derive(names: [Int: String], changes: [[String]], endDay: Day) -> [GeneratedDeal] {
        var byAccount: [Int: [[String]]] = [:]
        for fields in changes {
            guard let index = Int(fields[1].dropFirst(4)) else { continue }
            byAccount[index, default: []].append(fields)
        }
        var deals: [GeneratedDeal] = []
        func add(_ index: Int, _ title: String, _ amount: Int, created: Day, close: Day, _ outcome: Outcome) {
            let offset = Int64(index % 3_600)
            deals.append(
                GeneratedDeal(
                    number: deals.count + 1, accountIndex: index,
                    name: "\(names[index] ?? "Account \(index)") - \(title)",
                    amountCents: amount, createdSeconds: Int64(created.ordinal) * 86_400 + 36_000 + offset,
                    closeSeconds: Int64(close.ordinal) * 86_400 + 57_600 + offset, outcome: outcome))
        }
        for (index, rows) in byAccount.sorted(by: { $0.key < $1.key }) {
            var previous = 0
            for row in rows {
                guard let day = Day(iso: row[2]), let mrr = Int(row[3]) else { continue }
                switch row[4] {
                case "new": add(index, "new business", mrr * 12, created: day.adding(days: -21), close: day, .won)
                case "expansion":
                    add(index, "expansion", (mrr - previous) * 12, created: day.adding(days: -14), close: day, .won)
                case "churn": add(index, "renewal", previous * 12, created: day.adding(days: -45), close: day, .lost)
                default: break
                }
                previous = mrr
            }
            if previous > 0 && index % 3 != 0 {
                add(
                    index, "renewal \(endDay.components.year + 1)", previous * 12,
                    created: endDay.adding(days: -(index % 60)),
                    close: endDay.adding(days: 30 + index % 90), .open)
            }
        }
        return deals
    }
}
