import Foundation
import ScoreKit
import Store
import Testing

@testable import Host

/// Five accounts with a paid invoice each, different in industry, size and country.
private func scratchWithAccounts(_ engine: Engine = .sqlite) throws -> Scratch {
    let scratch = try Scratch(engine: engine)
    try scratch.importText(
        .accounts, "accounts.csv",
        """
        account_id,name,industry,employees,country
        a,A,Software,200,US
        b,B,software,5000,DE
        c,C,retail,300,US
        d,D,fintech,60,us
        e,E,,100,US
        """)
    try scratch.importText(
        .invoices, "invoices.csv",
        """
        invoice_id,account_id,issued_date,due_date,paid_date,amount_due_cents,amount_paid_cents,status
        ia,a,2024-12-01,2024-12-31,2024-12-05,1000,1000,paid
        ib,b,2024-12-01,2024-12-31,2024-12-05,2000,2000,paid
        ic,c,2024-12-01,2024-12-31,2024-12-05,3000,3000,paid
        id,d,2024-12-01,2024-12-31,2024-12-05,4000,4000,paid
        ie,e,2024-12-01,2024-12-31,2024-12-05,5000,5000,paid
        """)
    return scratch
}

/// The accounts a value score with this `where:` scores as of 2025-01-01, sorted.
private func scored(_ filter: String, in scratch: Scratch) throws -> [String] {
    let yaml = "scores:\n  rfm:\n    module: value\n" + (filter.isEmpty ? "" : "    where: \(filter)\n")
    let score = try ScorebookConfiguration.parse(yaml: yaml, file: "t").scores[0]
    let asOf = Day(year: 2025, month: 1, day: 1) ?? Day(ordinal: 0)
    let summary: RunSummary
    do {
        summary = try ScoreRunner(database: scratch.database).run(score, asOf: asOf)
    } catch RunError.nothingScored {
        return []  // a segment of no account is refused, not stored
    }
    return try ScoreRunStore(database: scratch.database).results(runID: summary.runID).map(\.accountID).sorted()
}

@Test(arguments: [
    ("", ["a", "b", "c", "d", "e"]),
    ("{industry: software}", ["a", "b"]),
    ("{industry: [software, fintech], country: us}", ["a", "d"]),
    ("{employees: 100-300}", ["a", "c", "e"]),
    ("{industry: [software, retail], employees: 150-1000, country: [US, DE]}", ["a", "c"]),
    ("{country: FR}", []),
])
func aSegmentScoresOnlyItsAccounts(filter: String, expected: [String]) throws {
    let scratch = try scratchWithAccounts()
    #expect(try scored(filter, in: scratch) == expected)
}

@Test(arguments: Engine.allCases) func aSegmentChangesTheNormalisationBase(engine: Engine) throws {
    // Monetary quintiles over a and b alone: b paid more, so it scores above a; over all five, a is the lowest.
    let scratch = try scratchWithAccounts(engine)
    let yaml = "scores:\n  rfm:\n    module: value\n    where: {industry: software}\n"
    let score = try ScorebookConfiguration.parse(yaml: yaml, file: "t").scores[0]
    let summary = try ScoreRunner(database: scratch.database).run(
        score, asOf: Day(year: 2025, month: 1, day: 1) ?? Day(ordinal: 0))
    let results = try ScoreRunStore(database: scratch.database).results(runID: summary.runID)
    #expect(results.map(\.accountID) == ["b", "a"])
}

@Test func theSegmentIsPartOfTheFingerprint() throws {
    let plain = try ScorebookConfiguration.parse(yaml: "scores:\n  a:\n    module: value\n", file: "t").scores[0]
    let segmented = try ScorebookConfiguration.parse(
        yaml: "scores:\n  a:\n    module: value\n    where: {country: US}\n", file: "t"
    ).scores[0]
    #expect(plain.configurationHash != segmented.configurationHash)
    #expect(segmented.segment?.description == "country in [us]")
}

/// Accounts with fields beyond the mapped ones: a CSV's extra columns and a synced record's properties, kept raw.
private func scratchWithRawFields(_ engine: Engine = .sqlite) throws -> Scratch {
    let scratch = try scratchWithAccounts(engine)
    _ = try scratch.importText(
        .accounts, "more.csv",
        """
        account_id,name,industry,employees,country,plan,owner,seats
        a,A,Software,200,US,Pro,ana,12
        b,B,software,5000,DE,enterprise,bo,400
        c,C,retail,300,US,starter,ana,3
        """)
    try scratch.database.execute(
        #"UPDATE accounts SET raw = '{"id":"18","properties":{"plan":"pro","segment":"SMB"}}' WHERE external_id = 'd'"#)
    return scratch
}

@Test(arguments: [
    ("{plan: pro}", ["a", "d"]),
    ("{plan: [pro, enterprise], owner: ana}", ["a"]),
    ("{seats: 10-500}", ["a", "b"]),
    ("{properties.segment: smb}", ["d"]),
    ("{domain: none.example}", []),
    ("{name: [A, C]}", ["a", "c"]),
])
func aSegmentFiltersOnRawAndCanonicalFields(filter: String, expected: [String]) throws {
    let scratch = try scratchWithRawFields()
    #expect(try scored(filter, in: scratch) == expected)
}

@Test func aSegmentOnAFieldNoAccountHasListsTheFieldsThereAre() throws {
    let scratch = try scratchWithRawFields()
    let score = try ScorebookConfiguration.parse(
        yaml: "scores:\n  rfm:\n    module: value\n    where: {tier: gold}\n", file: "t"
    ).scores[0]
    let refusal = #expect(throws: RunError.self) {
        try ScoreRunner(database: scratch.database).run(score, asOf: Day(year: 2025, month: 1, day: 1) ?? .today)
    }
    let message = refusal.map { "\($0)" } ?? ""
    #expect(message.hasPrefix("rfm: where: no account has a field \"tier\" (available: "), "\(message)")
    for field in ["plan", "owner", "seats", "segment", "industry", "employees", "country", "name"] {
        #expect(message.contains(field), "\(field) in \(message)")
    }
}
