import Foundation
import Generator
import ScoreKit
import Store
import Testing

@testable import Host

/// One generated data set, with payments and contacts, imported into a database on `engine`.
private func fixture(_ engine: Engine) throws -> Scratch {
    let scratch = try Scratch(engine: engine)
    let data = scratch.folder.appendingPathComponent("data").path
    _ = try DataGenerator(options: DataGenerator.Options(accounts: 400, seed: 23, usageDays: 150)).write(to: data)
    let importer = Importer(database: scratch.database)
    for (kind, file) in DataGenerator.files {
        _ = try importer.importFile(kind: kind, path: data + "/" + file)
    }
    // Payments come from syncs only: charges of every status, a few disputed or refunded, over the last year.
    let end = DataGenerator.defaultEndDay
    let upserter = try Upserter(database: scratch.database, table: .payments)
    for (index, (account, rowID)) in try AccountDirectory(database: scratch.database).rowIDsByExternalID()
        .sorted(by: { $0.key < $1.key }).enumerated()
    {
        let status = ["succeeded", "failed", "succeeded", "pending"][index % 4]
        try upserter.upsert(
            source: "stripe", externalID: "ch_\(account)",
            values: [
                .integer(rowID), nil, .text(end.adding(days: -(index * 7) % 400).description),
                .integer(Int64(1000 + index)),
                "usd", .text(status), status == "failed" ? "card_declined" : nil,
                .integer(Int64(index % 5 == 0 ? 1 : 0)),
                .integer(Int64(index % 3 == 0 ? 250 : 0)),
            ], raw: "{}")
    }
    return scratch
}

/// Each account's value of every fact key, by account id.
private func facts(_ scratch: Scratch, asOf: Day) throws -> [String: [Double?]] {
    let (facts, _) = try FactLoader(database: scratch.database).load(allFactKeyExamples, asOf: asOf)
    var byAccount: [String: [Double?]] = [:]
    for (row, account) in facts.accounts.enumerated() {
        byAccount[account.id] = allFactKeyExamples.map { facts.column($0)[row] }
    }
    return byAccount
}

/// Every fact query, run on SQLite and on PostgreSQL over one fixture, gives every account the same values.
///
/// The traps a port falls into show here as differences: integer division (PostgreSQL's `sum` of integers is
/// `numeric`, so a quotient keeps its fraction), NULLs sorted last instead of first, a 32-bit `integer`, single
/// precision `real`, and text compared with an untyped parameter.
@Test(arguments: ["2026-10-31", "2026-03-15"])
func everyFactIsTheSameOnSQLiteAndPostgreSQL(day: String) throws {
    let asOf = try #require(Day(iso: day))
    let sqlite = try facts(try fixture(.sqlite), asOf: asOf)
    let postgres = try facts(try fixture(.postgres), asOf: asOf)
    #expect(sqlite.count == 400)
    #expect(Set(postgres.keys) == Set(sqlite.keys))
    var differences: [String] = []
    for (account, values) in sqlite.sorted(by: { $0.key < $1.key }) {
        let other = postgres[account] ?? []
        for (index, key) in allFactKeyExamples.enumerated() {
            let (a, b) = (values[index], other.indices.contains(index) ? other[index] : nil)
            let same =
                switch (a, b) {
                case (nil, nil): true
                case (let x?, let y?): x == y || abs(x - y) <= 1e-9 * max(1, abs(x), abs(y))
                default: false
                }
            if !same {
                differences.append(
                    "\(account) \(key): SQLite \(String(describing: a)), PostgreSQL \(String(describing: b))")
            }
        }
    }
    #expect(differences.isEmpty, "\(differences.count) differences, the first: \(differences.prefix(5))")
    // The fixture exercises the facts: most keys have a value for some account (usage starts in June, so fewer on the
    // earlier day).
    let known = allFactKeyExamples.indices.filter { index in sqlite.values.contains { $0[index] != nil } }
    #expect(known.count >= (day == "2026-10-31" ? allFactKeyExamples.count - 2 : 28))
}
