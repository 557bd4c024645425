import ScoreKit
import Store
import Testing

@testable import Host

/// Failed and disputed charges from `payments`, as of a day and over a window.
@Test(arguments: Engine.allCases) func failedAndDisputedChargesCountInTheWindowUpToTheAsOfDay(engine: Engine) throws {
    let scratch = try Scratch(engine: engine)
    try scratch.importText(.accounts, "accounts.csv", "account_id,name\nacme,Acme\nlegacy,Legacy\n")
    let acme = try #require(
        try scratch.database.makeStatement("SELECT id FROM accounts WHERE external_id = 'acme'").map { $0.integer(0) }
            .first)
    let payments = try Upserter(database: scratch.database, table: .payments)
    for (id, day, status, disputed) in [
        ("ch_old", "2023-06-01", "failed", 1),  // before the 365-day window
        ("ch_1", "2024-03-01", "failed", 0), ("ch_2", "2024-09-01", "succeeded", 1),
        ("ch_3", "2024-12-31", "failed", 0),
        ("ch_4", "2025-01-02", "failed", 1),  // after the as-of day
    ] {
        try payments.upsert(
            source: "stripe", externalID: id,
            values: [
                .integer(acme), .null, .text(day), .integer(1_000), .text("usd"), .text(status), .null,
                .integer(Int64(disputed)), .integer(0),
            ],
            raw: "{}")
    }
    let asOf = try #require(Day(iso: "2025-01-01"))
    let (facts, _) = try FactLoader(database: scratch.database).load(
        [.failedCharges(windowDays: 365), .disputedCharges(windowDays: 365), .failedCharges(windowDays: 30)], asOf: asOf
    )
    #expect(facts.accounts.map(\.id) == ["acme", "legacy"])
    // Legacy has no charge history at all: no fact, not 0.
    #expect(facts.column(.failedCharges(windowDays: 365)) == [2, nil])
    #expect(facts.column(.disputedCharges(windowDays: 365)) == [1, nil])
    #expect(facts.column(.failedCharges(windowDays: 30)) == [1, nil])
}
