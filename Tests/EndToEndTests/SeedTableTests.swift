import Foundation
import Testing

/// Seed 004's RFM table, end to end: `import` + `run` + `show --format json` on a real database file.
@Test func theSeedRFMTablePassesExactlyThroughTheCommandLine() throws {
    let scorebook = try ScorebookProcess()
    let config = ScorebookProcess.fixture("seed004/scorebook.yml")
    let common = ["--db", scorebook.path("seed.db"), "--config", config]
    #expect(try scorebook.run(["init"] + common).status == 0)
    #expect(
        try scorebook.run(["import", "accounts", ScorebookProcess.fixture("seed004/accounts.csv")] + common).status == 0
    )
    let imported = try scorebook.run(["import", "invoices", ScorebookProcess.fixture("seed004/invoices.csv")] + common)
    #expect(imported.stdout.contains("54 invoices rows read, 54 new or changed"))
    let run = try scorebook.run(["run", "seed_rfm", "--as-of", "2025-01-01"] + common)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("5 accounts as of 2025-01-01"))

    let shown = try scorebook.run(["show", "seed_rfm", "--format", "json"] + common)
    #expect(shown.status == 0, "\(shown.stderr)")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any])
    #expect(object["score"] as? String == "seed_rfm" && object["as_of"] as? String == "2025-01-01")
    #expect(object["kind"] as? String == "current" && object["run"] is Int)
    let rows = try #require(object["rows"] as? [[String: Any]])
    let table = rows.map { row in
        [
            row["name"] as? String ?? "", row["code"] as? String ?? "", row["segment"] as? String ?? "",
            row["band"] as? String ?? "",
        ]
    }
    #expect(
        table == [
            ["Acme Corp", "555", "Champion", "Champion"],
            ["Beta LLC", "544", "Loyal", "Loyal"],
            ["Gamma Inc", "333", "Needs Attention", "Needs Attention"],
            ["Delta Co", "222", "At Risk", "At Risk"],
            ["Epsilon Ltd", "111", "Lost", "Lost"],
        ])
    let acme = try #require(rows.first)
    #expect(acme["account_id"] as? String == "acme")
    #expect((acme["r"] as? Int, acme["f"] as? Int, acme["m"] as? Int) == (5, 5, 5))
    let components = try #require(acme["components"] as? [[String: Any]])
    #expect(components.map { $0["signal"] as? String } == ["recency", "frequency", "monetary"])
    #expect(components.map { $0["raw"] as? Double } == [8, 24, 4_800_000])
    let total = components.compactMap { $0["contribution"] as? Double }.reduce(0, +)
    #expect(abs(total - (acme["score"] as? Double ?? -1)) < 1e-9)

    let explained = try scorebook.run(["explain", "seed_rfm", "beta"] + common)
    #expect(explained.status == 0)
    #expect(explained.stdout.contains("Beta LLC (beta) in seed_rfm (value)"))
    #expect(explained.stdout.contains("band Loyal, rank 2 of 5"))
}

@Test func aWrongWeightSumStopsTheRunAndWritesNothing() throws {
    let scorebook = try ScorebookProcess()
    let config = scorebook.path("bad.yml")
    try """
    scores:
      contract:
        module: value
        method: contract
        weights: {lifetime_revenue: 30, acv: 30, cagr: 20, product_density: 10}
    """.write(toFile: config, atomically: true, encoding: .utf8)
    let common = ["--db", scorebook.path("bad.db"), "--config", config]
    #expect(try scorebook.run(["init"] + common).status == 0)
    #expect(
        try scorebook.run(["import", "accounts", ScorebookProcess.fixture("seed004/accounts.csv")] + common).status == 0
    )
    let before = try Data(contentsOf: URL(fileURLWithPath: scorebook.path("bad.db")))
    let run = try scorebook.run(["run", "contract"] + common)
    #expect(run.status == 1)
    #expect(run.stderr == "Error: \(config):5: score \"contract\": weights sum to 90, expected 100\n")
    let check = try scorebook.run(["check"] + common)
    #expect(check.status == 1)
    #expect(try Data(contentsOf: URL(fileURLWithPath: scorebook.path("bad.db"))) == before)
    let runs = try scorebook.run(["show", "contract"] + common)
    #expect(runs.stderr.contains("has not been run yet"))
}

@Test func aMalformedFileIsOneLineAndTheDatabaseIsUnchanged() throws {
    let scorebook = try ScorebookProcess()
    let common = ["--db", scorebook.path("m.db"), "--config", ScorebookProcess.fixture("seed004/scorebook.yml")]
    #expect(
        try scorebook.run(["import", "accounts", ScorebookProcess.fixture("seed004/accounts.csv")] + common).status == 0
    )
    let bad = scorebook.path("invoices.csv")
    try "invoice_id,account_id,issued_date,amount_due_cents\nx1,acme,2024-01-01,100\nx2,acme,2024-13-45,100\n"
        .write(toFile: bad, atomically: true, encoding: .utf8)
    let result = try scorebook.run(["import", "invoices", bad] + common)
    #expect(result.status == 1)
    #expect(result.stderr == "Error: \(bad):3: column issued_date: \"2024-13-45\" is not a date (YYYY-MM-DD)\n")
    try "invoice_id,account_id,issued_date,amount_due_cents\nx1,acme,2024-01-01,100\n".write(
        toFile: bad, atomically: true, encoding: .utf8)
    #expect(
        try scorebook.run(["import", "invoices", bad] + common).stdout.contains(
            "1 invoices rows read, 1 new or changed"))
}

@Test func usageErrorsExitWith64() throws {
    let scorebook = try ScorebookProcess()
    let result = try scorebook.run(["run", "--as-of", "2024-13-45"])
    #expect(result.status == 64)
    #expect(try scorebook.run(["import", "widgets", "x.csv"]).status == 64)
}

@Test func theGeneratorIsDeterministic() throws {
    let scorebook = try ScorebookProcess()
    #expect(try scorebook.run(["generate", "--accounts", "50", "--seed", "7", "--out", "a"]).status == 0)
    #expect(try scorebook.run(["generate", "--accounts", "50", "--seed", "7", "--out", "b"]).status == 0)
    #expect(try scorebook.run(["generate", "--accounts", "50", "--seed", "8", "--out", "c"]).status == 0)
    for file in ["accounts.csv", "invoices.csv", "usage.csv", "outcomes.csv"] {
        let a = try Data(contentsOf: URL(fileURLWithPath: scorebook.path("a/\(file)")))
        #expect(a == (try Data(contentsOf: URL(fileURLWithPath: scorebook.path("b/\(file)")))))
        #expect(a.count > 100)
    }
    #expect(
        try Data(contentsOf: URL(fileURLWithPath: scorebook.path("a/invoices.csv")))
            != (try Data(contentsOf: URL(fileURLWithPath: scorebook.path("c/invoices.csv")))))
}

@Test func theDemoRunsEveryConfiguredScore() throws {
    let scorebook = try ScorebookProcess()
    let result = try scorebook.run([
        "demo", "--accounts", "200", "--directory", scorebook.path("demo"), "--config",
        ScorebookProcess.packageRoot.appendingPathComponent("config/scorebook.yml").path,
    ])
    #expect(result.status == 0, "\(result.stderr)")
    for score in ["rfm", "rfm_bins", "engagement", "contract_value", "team_value"] {
        #expect(result.stdout.contains("\n\(score): run "), "no run of \(score)")
    }
    #expect(result.stdout.contains("Explore it: scorebook explain"))
}

@Test func compareAndRunsWorkOnStoredRunsAndRefuseBadReferences() throws {
    let scorebook = try ScorebookProcess()
    let config = ScorebookProcess.fixture("seed004/scorebook.yml")
    let common = ["--db", scorebook.path("c.db"), "--config", config]
    #expect(
        try scorebook.run(["import", "accounts", ScorebookProcess.fixture("seed004/accounts.csv")] + common).status == 0
    )
    #expect(
        try scorebook.run(["import", "invoices", ScorebookProcess.fixture("seed004/invoices.csv")] + common).status == 0
    )
    #expect(try scorebook.run(["run", "seed_rfm", "--as-of", "2025-01-01"] + common).status == 0)
    #expect(try scorebook.run(["run", "seed_rfm", "--as-of", "2025-03-01"] + common).status == 0)

    let compared = try scorebook.run(
        ["compare", "seed_rfm@2025-01-01", "seed_rfm@2025-03-01", "--format", "json"] + common)
    #expect(compared.status == 0, "\(compared.stderr)")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(compared.stdout.utf8)) as? [String: Any])
    #expect(object["common_accounts"] as? Int == 5)
    #expect(object["psi"] is Double)
    #expect((object["crosstab"] as? [[String: Any]])?.reduce(0) { $0 + ($1["count"] as? Int ?? 0) } == 5)

    let runs = try scorebook.run(["runs", "seed_rfm"] + common)
    #expect(runs.stdout.contains("2025-01-01") && runs.stdout.contains("2025-03-01"))
    let shown = try scorebook.run(["show", "seed_rfm@2025-01-01", "--format", "json"] + common)
    #expect(shown.status == 0)

    let unknown = try scorebook.run(["compare", "nothing", "seed_rfm"] + common)
    #expect(unknown.status == 1)
    #expect(unknown.stderr == "Error: score \"nothing\" is not configured (configured: seed_rfm)\n")
    let missing = try scorebook.run(["compare", "seed_rfm@999", "seed_rfm"] + common)
    #expect(missing.stderr == "Error: score \"seed_rfm\" has no run 999 (see `scorebook runs seed_rfm`)\n")
    let same = try scorebook.run(["compare", "seed_rfm", "seed_rfm"] + common)
    #expect(same.status == 1)

    let pruned = try scorebook.run(["runs", "seed_rfm", "--prune", "--keep", "1"] + common)
    #expect(pruned.stdout.contains("deleted 1 runs"))
    #expect(try scorebook.run(["runs", "--prune"] + common).status == 64)
}

@Test func clvRefusesDataItCannotFitInOneLineAndWritesNoRun() throws {
    let scorebook = try ScorebookProcess()
    let config = scorebook.path("clv.yml")
    try "scores:\n  clv:\n    module: clv\n".write(toFile: config, atomically: true, encoding: .utf8)
    let small = scorebook.path("small.yml")
    try "scores:\n  clv:\n    module: clv\n    min_repeat_accounts: 2\n".write(
        toFile: small, atomically: true, encoding: .utf8)
    let db = ["--db", scorebook.path("clv.db")]
    #expect(
        try scorebook.run(["import", "accounts", ScorebookProcess.fixture("seed004/accounts.csv")] + db).status == 0)
    #expect(
        try scorebook.run(["import", "invoices", ScorebookProcess.fixture("seed004/invoices.csv")] + db).status == 0)

    let early = try scorebook.run(["run", "clv", "--as-of", "2020-01-01", "--config", config] + db)
    #expect(early.status == 1)
    #expect(early.stderr == "Error: clv: no paid invoices on or before 2020-01-01: nothing to fit\n")
    let few = try scorebook.run(["run", "clv", "--as-of", "2025-01-01", "--config", config] + db)
    #expect(few.status == 1)
    #expect(
        few.stderr.hasPrefix(
            "Error: clv: only 4 accounts with repeat purchases on different days (min_repeat_accounts is 200)"))

    let refund = scorebook.path("refund.csv")
    try
        "invoice_id,account_id,issued_date,paid_date,amount_due_cents,status\nr1,epsilon,2024-12-20,2024-12-20,-500000,paid\n"
        .write(toFile: refund, atomically: true, encoding: .utf8)
    #expect(try scorebook.run(["import", "invoices", refund] + db).status == 0)
    let negative = try scorebook.run(["run", "clv", "--as-of", "2025-01-01", "--config", small] + db)
    #expect(
        negative.stderr == "Error: clv: account epsilon has a negative repeat spend; clv needs amounts of 0 or more\n")
    #expect(try scorebook.run(["show", "clv"] + db).stderr.contains("has not been run yet"))
}

@Test func clvHoldoutComparesPredictedWithActualPurchasesByFrequency() throws {
    let scorebook = try ScorebookProcess()
    let config = scorebook.path("clv.yml")
    try "scores:\n  clv:\n    module: clv\n    min_repeat_accounts: 50\n".write(
        toFile: config, atomically: true, encoding: .utf8)
    let common = ["--db", scorebook.path("h.db"), "--config", config]
    #expect(
        try scorebook.run(["generate", "--accounts", "300", "--seed", "3", "--usage-days", "0", "--out", "data"]).status
            == 0)
    #expect(try scorebook.run(["import", "accounts", scorebook.path("data/accounts.csv")] + common).status == 0)
    #expect(try scorebook.run(["import", "invoices", scorebook.path("data/invoices.csv")] + common).status == 0)
    let check = try scorebook.run(["validate", "clv", "--holdout-days", "90", "--as-of", "2026-10-31"] + common)
    #expect(check.status == 0, "\(check.stderr)")
    #expect(check.stdout.hasPrefix("calibration up to 2026-08-02, holdout 2026-08-03 to 2026-10-31:"))
    let rows = check.stdout.split(separator: "\n").drop { !$0.hasPrefix("---") }.dropFirst()
    #expect(rows.count >= 3)
    // Monthly payers: whoever bought often in calibration buys in the holdout, and the model predicts it.
    let frequent = try #require(
        rows.first { $0.hasPrefix("7+") }?.split(separator: " ", omittingEmptySubsequences: true))
    let predicted = try #require(Double(frequent[2]))
    let actual = try #require(Double(frequent[3]))
    #expect(predicted > 1 && actual > 1)
    #expect(abs(predicted - actual) / actual < 0.5)
    let wrongModule = try scorebook.run([
        "validate", "seed_rfm", "--holdout-days", "30", "--config", ScorebookProcess.fixture("seed004/scorebook.yml"),
        "--db", scorebook.path("h.db"),
    ])
    #expect(wrongModule.status == 1)
    #expect(wrongModule.stderr.contains("--holdout-days applies to clv scores"))
}
