import Foundation
import Testing

/// A small workspace: the seed's five accounts imported and scored twice.
private func scoredWorkspace() throws -> (scorebook: ScorebookProcess, common: [String]) {
    let scorebook = try ScorebookProcess()
    let common = ["--db", scorebook.path("seed.db"), "--config", ScorebookProcess.fixture("seed004/scorebook.yml")]
    #expect(try scorebook.run(["init"] + common).status == 0)
    for kind in ["accounts", "invoices"] {
        #expect(
            try scorebook.run(["import", kind, ScorebookProcess.fixture("seed004/\(kind).csv")] + common).status == 0)
    }
    for day in ["2025-01-01", "2025-03-01"] {
        #expect(try scorebook.run(["run", "seed_rfm", "--as-of", day] + common).status == 0)
    }
    return (scorebook, common)
}

private func jsonObject(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "\(text)")
}

@Test(arguments: [
    ["scores"], ["runs"], ["runs", "seed_rfm"], ["modules"], ["check"], ["accounts"], ["sync", "--status"],
])
func everyListingPrintsJSONWithRowsAndCSVWithAHeader(_ command: [String]) throws {
    let (scorebook, workspace) = try scoredWorkspace()
    let common = command == ["modules"] ? [] : workspace
    let json = try scorebook.run(command + common + ["--format", "json"])
    #expect(json.status == 0, "\(json.stderr)")
    let object = try jsonObject(json.stdout)
    #expect(object["rows"] is [[String: Any]], "\(command): \(json.stdout)")
    let csv = try scorebook.run(command + common + ["--format", "csv"])
    #expect(csv.status == 0, "\(csv.stderr)")
    let header = csv.stdout.split(separator: "\n").first.map(String.init) ?? ""
    #expect(!header.contains(" ") && header.contains(","), "\(command): \(header)")
}

@Test func rowsAboutARunCarryItsScoreRunAsOfAndKind() throws {
    let (scorebook, common) = try scoredWorkspace()
    let runs = try jsonObject(try scorebook.run(["runs", "seed_rfm", "--format", "json"] + common).stdout)
    let rows = try #require(runs["rows"] as? [[String: Any]])
    #expect(rows.map { $0["as_of"] as? String } == ["2025-03-01", "2025-01-01"])
    #expect(
        rows.allSatisfy {
            $0["score"] as? String == "seed_rfm" && $0["run"] is Int && $0["kind"] as? String == "current"
        })
    #expect(rows.map { $0["accounts"] as? Int } == [5, 5])

    let ran = try jsonObject(
        try scorebook.run(["run", "seed_rfm", "--as-of", "2025-02-01", "--format", "json"] + common).stdout)
    let run = try #require((ran["rows"] as? [[String: Any]])?.first)
    #expect(
        run["as_of"] as? String == "2025-02-01" && run["kind"] as? String == "backfill" && run["accounts"] as? Int == 5)

    let validated = try scorebook.run(["validate", "seed_rfm", "--outcome", "churned", "--format", "csv"] + common)
    #expect(!validated.stdout.contains("---"), "CSV, not the table: \(validated.stdout)")
}

@Test func globalOptionsComeBeforeOrAfterTheSubcommand() throws {
    let (scorebook, common) = try scoredWorkspace()
    let before = try scorebook.run(common + ["scores", "--format", "csv"])
    let after = try scorebook.run(["scores", "--format", "csv"] + common)
    #expect(before.status == 0, "\(before.stderr)")
    #expect(before.stdout == after.stdout && before.stdout.contains("seed_rfm"))
}

@Test func accountsAreListedAndFound() throws {
    let (scorebook, common) = try scoredWorkspace()
    let all = try scorebook.run(["accounts"] + common)
    #expect(all.stdout.contains("5 listed of 5 accounts"), "\(all.stdout)")
    let found = try scorebook.run(["accounts", "beta"] + common + ["--format", "json"])
    let rows = try #require(try jsonObject(found.stdout)["rows"] as? [[String: Any]])
    #expect(rows.map { $0["name"] as? String } == ["Beta LLC"])
    let none = try scorebook.run(["accounts", "100%"] + common)
    #expect(none.stdout.contains("0 listed"), "a % is a character, not a wildcard: \(none.stdout)")
}

@Test func pruneNamesTheRunsItKeeps() throws {
    let (scorebook, common) = try scoredWorkspace()
    let pruned = try scorebook.run(["runs", "seed_rfm", "--prune", "--keep", "1"] + common)
    #expect(pruned.stdout.hasPrefix("seed_rfm: deleted 1 runs, kept run "), "\(pruned.stdout)")
    #expect(pruned.stdout.contains("as of 2025-03-01") && !pruned.stdout.contains("2025-01-01"))
}

@Test func unwritableFilesAndUnknownValuesAreSaidInOneLine() throws {
    let (scorebook, common) = try scoredWorkspace()
    let report = try scorebook.run(["report", "--html", "/nonexistent-folder/report.html"] + common)
    #expect(report.status == 1)
    #expect(report.stderr == "Error: cannot write /nonexistent-folder/report.html: No such file or directory\n")
    let config = scorebook.path("bad.yml")
    try "scores:\n  s:\n    module: health\n    normalisation: sideways\n".write(
        toFile: config, atomically: true, encoding: .utf8)
    let check = try scorebook.run(["check", "--config", config])
    #expect(check.status == 1)
    #expect(check.stderr.contains("\"sideways\" is not a known value (one of: "), "\(check.stderr)")
    #expect(!check.stderr.contains("Cannot initialize"))
}
