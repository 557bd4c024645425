import Foundation
import ScoreKit
import Store

extension Segment {
    /// The facts of the accounts in the segment only, with their row ids; one pass over the accounts' fields.
    ///
    /// A field that is no column and in no account's raw JSON (among those the other conditions keep) is refused, with
    /// the fields there are.
    func restrict(
        _ facts: FactTable, rowIDs: [Int64], database: Database, score: String
    ) throws -> (facts: FactTable, rowIDs: [Int64]) {
        var inSegment: Set<Int64> = []
        var available: Set<String> = []
        var found: Set<String> = []
        let columns = AccountFields.columns.joined(separator: ", ")
        try database.makeStatement("SELECT id, industry, employees, country, raw, \(columns) FROM accounts").forEach {
            row in
            let industry = row.text(1)?.trimmingCharacters(in: .whitespaces)
            let country = row.text(3)?.trimmingCharacters(in: .whitespaces)
            guard matches(industry: industry, employees: row.optionalDouble(2), country: country) else { return }
            guard !others.isEmpty else {
                inSegment.insert(row.integer(0))
                return
            }
            var canonical: [String: String] = [:]
            for (index, column) in AccountFields.columns.enumerated() {
                if let text = row.text(Int32(5 + index)), !text.isEmpty { canonical[column] = text }
            }
            let raw = row.text(4).flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
            let fields = AccountFields(canonical: canonical, raw: raw ?? [:])
            available.formUnion(fields.available)
            var isIn = true
            for filter in others {
                let value = fields.value(of: filter.field)
                if value != nil { found.insert(filter.field) }
                if !filter.matches(value) { isIn = false }
            }
            if isIn { inSegment.insert(row.integer(0)) }
        }
        // A canonical column is a field even where every account leaves it empty.
        let known = found.union(AccountFields.columns)
        if let missing = others.first(where: { !known.contains($0.field) }), !available.isEmpty {
            let fields = available.union(Segment.fields).union(AccountFields.columns).sorted()
            throw RunError.unknownField(score: score, field: missing.field, available: fields)
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
