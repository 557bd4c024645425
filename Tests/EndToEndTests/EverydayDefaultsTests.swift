import Foundation
import Store
import Testing

/// Issue 14, item 9: a nightly `scorebook run` passes while a trained score waits for its model, and a mistyped name
/// is answered with the configured one.
@Test(arguments: Engine.allCases) func runSkipsAnUntrainedScoreWithOneWarningAndMistypedNamesGetASuggestion(
    engine: Engine
) throws {
    let scorebook = try ScorebookProcess(engine: engine)
    let config = scorebook.path("everyday.yml")
    try """
    scores:
      health:
        module: health
      churn_trained:
        module: churn
        mode: trained
    """.write(toFile: config, atomically: true, encoding: .utf8)
    let common = ["--db", (try scorebook.database("everyday.db")), "--config", config]
    #expect(try scorebook.run(["init"] + common).status == 0)
    for kind in ["accounts", "invoices"] {
        let file = ScorebookProcess.fixture("seed004/\(kind).csv")
        #expect(try scorebook.run(["import", kind, file] + common).status == 0)
    }

    let all = try scorebook.run(["run", "--as-of", "2025-01-01"] + common)
    #expect(all.status == 0, "\(all.stderr)")
    #expect(all.stdout.contains("health: run"))
    let skips = all.stderr.split(separator: "\n").filter { $0.contains("churn_trained") }
    #expect(skips.count == 1, "\(all.stderr)")
    #expect(skips.first?.contains("skipped, no trained model yet") == true)

    let named = try scorebook.run(["run", "churn_trained", "--as-of", "2025-01-01"] + common)
    #expect(named.status == 1, "a score asked for by name that cannot run is a failure")

    let typos = [["run", "helth"], ["show", "helth"], ["explain", "helth", "acme"], ["compare", "helth", "health"]]
    for arguments in typos {
        let typo = try scorebook.run(arguments + common)
        #expect(typo.status != 0)
        #expect(typo.stderr.contains("\"helth\""), "\(arguments): \(typo.stderr)")
        #expect(typo.stderr.contains("not configured; did you mean health?"), "\(arguments): \(typo.stderr)")
        #expect(!typo.stderr.contains("scorebook run helth"), "\(arguments): \(typo.stderr)")
    }
}

/// Issue 14, item 4: a band nobody is in is said by `run` and by `check`.
@Test(arguments: Engine.allCases) func runAndCheckWarnWhenABandIsEmpty(engine: Engine) throws {
    let scorebook = try ScorebookProcess(engine: engine)
    let config = scorebook.path("bands.yml")
    try "scores:\n  health:\n    module: health\n".write(toFile: config, atomically: true, encoding: .utf8)
    let common = ["--db", (try scorebook.database("bands.db")), "--config", config]
    #expect(try scorebook.run(["init"] + common).status == 0)
    for kind in ["accounts", "invoices"] {
        let file = ScorebookProcess.fixture("seed004/\(kind).csv")
        #expect(try scorebook.run(["import", kind, file] + common).status == 0)
    }
    let run = try scorebook.run(["run", "--as-of", "2025-01-01"] + common)
    #expect(run.status == 0, "\(run.stderr)")
    let bands = run.stdout.split(separator: ";").last.map(String.init) ?? ""
    #expect(!bands.contains("Green"), "\(run.stdout)")
    #expect(run.stderr.contains("warning: health: band Green is empty (0 of 5 accounts)"), "\(run.stderr)")
    let check = try scorebook.run(["check"] + common)
    #expect(check.status == 0)
    let expected = "warning: run 1 as of 2025-01-01: band Green is empty (0 of 5 accounts)"
    #expect(check.stdout.contains(expected), "\(check.stdout)")
    #expect(check.stdout.contains("1 scores, 1 warnings"), "the summary counts it: \(check.stdout)")
    let json = try scorebook.run(["check", "--format", "json"] + common)
    #expect(json.stdout.contains("band Green is empty"), "\(json.stdout)")
}
