import Foundation
import ScoreKit
import Store

extension Segment {
    /// The facts of the accounts in the segment only, with their row ids; one pass over the accounts' fields.
    func restrict(_ facts: FactTable, rowIDs: [Int64], database: Database) throws -> (facts: FactTable, rowIDs: [Int64])
    {
        var inSegment: Set<Int64> = []
        try database.makeStatement("SELECT id, industry, employees, country FROM accounts").forEach { row in
            let industry = row.text(1)?.trimmingCharacters(in: .whitespaces)
            let country = row.text(3)?.trimmingCharacters(in: .whitespaces)
            if matches(industry: industry, employees: row.optionalDouble(2), country: country) {
                inSegment.insert(row.integer(0))
            }
        }
        let kept = rowIDs.indices.filter { inSegment.contains(rowIDs[$0]) }
        var table = FactTable(asOf: facts.asOf, accounts: kept.map { facts.accounts[$0] })
        for key in facts.keys {
            let column = facts.column(key)
            table.setColumn(key, kept.map { column[$0] })
        }
        return (table, kept.map { rowIDs[$0] })
    }
}
