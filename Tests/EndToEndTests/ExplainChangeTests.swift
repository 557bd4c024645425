import Foundation
import Store
import Testing

/// Issue 14, item 5: `explain NAME@A..B ACCOUNT` says which components moved the score, and compare's movers are named.
@Test(arguments: Engine.allCases) func explainOverTwoRunsSumsComponentChangesToTheScoresChange(engine: Engine) throws {
    let scorebook = try ScorebookProcess(engine: engine)
    let config = scorebook.path("change.yml")
    try "scores:\n  health:\n    module: health\n".write(toFile: config, atomically: true, encoding: .utf8)
    let common = ["--db", (try scorebook.database("change.db")), "--config", config]
    #expect(try scorebook.run(["init"] + common).status == 0)
    for kind in ["accounts", "invoices"] {
        let file = ScorebookProcess.fixture("seed004/\(kind).csv")
        #expect(try scorebook.run(["import", kind, file] + common).status == 0)
    }
    #expect(try scorebook.run(["run", "--as-of", "2024-10-01"] + common).status == 0)
    #expect(try scorebook.run(["run", "--as-of", "2025-01-01"] + common).status == 0)

    for (reference, account) in [("health@1..2", "epsilon"), ("health@2024-10-01..2025-01-01", "acme")] {
        let explained = try scorebook.run(["explain", reference, account, "--format", "json"] + common)
        #expect(explained.status == 0, "\(explained.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(explained.stdout.utf8)) as? [String: Any])
        let first = try #require(json["first"] as? [String: Any])
        let second = try #require(json["second"] as? [String: Any])
        #expect(first["run_id"] as? Int == 1 && second["run_id"] as? Int == 2)
        let change = try #require(json["change"] as? Double)
        let before = try #require(first["value"] as? Double)
        let after = try #require(second["value"] as? Double)
        #expect(abs(change - (after - before)) < 1e-9)
        #expect(abs(change) > 0, "the seed's accounts move between the two days")
        let components = try #require(json["components"] as? [[String: Any]])
        #expect(components.map { $0["signal"] as? String } == ["renewal", "feature_usage", "support"])
        let changes = components.compactMap { $0["change"] as? Double }
        #expect(abs(changes.reduce(0, +) - change) < 1e-9)
        // Each side is what explain says of that run alone.
        let single = try scorebook.run(["explain", "health@2", account, "--format", "json"] + common)
        #expect(single.stdout.contains("\"account_id\":\"\(account)\""), "\(single.stdout)")
        let secondParts = components.compactMap { ($0["second"] as? [String: Any])?["contribution"] as? Double }
        #expect(abs(secondParts.reduce(0, +) - after) < 1e-9)
    }
    let table = try scorebook.run(["explain", "health@1..2", "epsilon"] + common)
    let heading = "Epsilon Ltd (epsilon) in health (health), run 1 as of 2024-10-01 -> run 2 as of 2025-01-01"
    #expect(table.stdout.contains(heading))
    #expect(table.stdout.contains("total"))

    let compared = try scorebook.run(["compare", "health@1", "health@2"] + common)
    #expect(compared.status == 0, "\(compared.stderr)")
    let movers = compared.stdout.components(separatedBy: "Largest rises and falls:").last ?? ""
    #expect(movers.contains("account_id  name"))
    #expect(movers.contains("epsilon     Epsilon Ltd"), "\(movers)")
}
