import Foundation
import Store
import Testing

/// A scratch workspace with generated data imported, and the shell started in it under tmux.
private final class ShellWorkspace {
    let scorebook: ScorebookProcess
    let config: String
    let database: String
    let history: String

    /// Initialises a database and configuration and imports `accounts` generated accounts.
    init(accounts: Int = 300, config text: String? = nil) throws {
        scorebook = try ScorebookProcess()
        database = scorebook.path("scorebook.db")
        history = scorebook.path("history")
        #expect(try scorebook.run(["init"]).status == 0)
        if let text {
            config = scorebook.path("shell.yml")
            try text.write(toFile: config, atomically: true, encoding: .utf8)
        } else {
            config = scorebook.path("config/scorebook.yml")
        }
        let generated = try scorebook.run(["generate", "--accounts", "\(accounts)", "--out", scorebook.path("data")])
        #expect(generated.status == 0)
        for kind in ["accounts", "invoices", "mrr", "usage", "tickets", "nps", "assessments", "outcomes"] {
            let file = scorebook.path("data/\(kind).csv")
            let imported = try scorebook.run(["import", kind, file, "--db", database])
            #expect(imported.status == 0, "\(imported.stderr)")
        }
    }

    /// The options naming this workspace.
    var options: [String] { ["--db", database, "--config", config] }

    /// Starts `scorebook shell` under tmux; when it ends the pane says `SHELL-EXITED <status>`.
    func startShell(extra: String = "") throws -> TmuxSession {
        let binary = try ScorebookProcess.binary.path
        let command =
            "env NO_COLOR=1 SCOREBOOK_HISTORY='\(history)' '\(binary)' shell --db '\(database)' "
            + "--config '\(config)' --author tester \(extra); echo SHELL-EXITED $?; sleep 600"
        let session = try TmuxSession(command, in: scorebook.folder)
        try session.wait(for: "scorebook> ")
        return session
    }

    /// Runs `scorebook shell ARGUMENTS` on this workspace without a terminal.
    func shell(_ arguments: [String], input: String? = nil) throws -> ScorebookProcess.Output {
        try scorebook.run(["shell"] + options + arguments, input: input)
    }
}

@Test func typedCommandsRunAndABadOneGetsOneLineWhileTheShellGoesOn() throws {
    let workspace = try ShellWorkspace()
    let shell = try workspace.startShell()
    try shell.type("use health")
    try shell.send("Enter")
    try shell.wait(for: "scorebook [health]> ")
    try shell.type("run health; show --top 2")
    try shell.send("Enter")
    let shown = try shell.wait(for: "the prompt after the table") {
        $0.contains("2  acc-") && TmuxSession.lastLine(of: $0) == "scorebook [health]>"
    }
    #expect(shown.contains("health: run 1,"))
    #expect(shown.contains("health (health) run 1 as of"))

    try shell.type("bogus")
    try shell.send("Enter")
    let oneLine =
        "scorebook [health]> bogus\nerror: unknown command \"bogus\"; `help` lists the commands\n"
        + "scorebook [health]> "
    try shell.wait(for: oneLine)
    try shell.type("show --top 0")
    try shell.send("Enter")
    try shell.wait(for: "show --top 0\nError: --top must be at least 1\nscorebook [health]> ")
    try shell.type("timing on; explain acc-000001")
    try shell.send("Enter")
    let explained = try shell.wait(for: "Time: ")
    // The echoed command line names the account too; only explain's own heading says which run it is in.
    #expect(explained.contains("(acc-000001) in health (health), run 1 as of"), "\(explained)")
}

@Test func tabCompletesScoreNamesAndRunIDs() throws {
    let workspace = try ShellWorkspace()
    #expect(try workspace.shell(["-c", "run health"]).status == 0)
    let shell = try workspace.startShell()
    try shell.type("use hea")
    try shell.send("Tab")
    try shell.wait(for: "scorebook> use health")
    try shell.send("Enter")
    try shell.wait(for: "scorebook [health]> ")
    try shell.type("show health@")
    try shell.send("Tab")
    try shell.wait(for: "scorebook [health]> show health@1")
    try shell.send("Enter")
    // The whole table, then the prompt: keys typed while it still prints are echoed into it before libedit reads them.
    let shown = try shell.wait(for: "the prompt after the table") {
        TmuxSession.lastLine(of: $0) == "scorebook [health]>"
    }
    #expect(shown.contains("health (health) run 1 as of"))
    try shell.type("show health --fo")
    try shell.send("Tab")
    try shell.wait(for: "show health --format")
}

@Test func historyIsRecalledWithUpInTheNextSession() throws {
    let workspace = try ShellWorkspace(accounts: 20)
    let first = try workspace.startShell()
    try first.type("scores --format json")
    try first.send("Enter")
    try first.wait(for: "scorebook> ", count: 2)
    try first.send("C-d")
    try first.wait(for: "SHELL-EXITED 0")
    // libedit writes a space as \040.
    let history = try String(contentsOfFile: workspace.history, encoding: .utf8)
        .replacingOccurrences(of: "\\040", with: " ")
    #expect(history.contains("scores --format json"))

    let second = try workspace.startShell()
    try second.send("Up")
    try second.wait(for: "last line \"scorebook> scores --format json\"") {
        TmuxSession.lastLine(of: $0) == "scorebook> scores --format json"
    }
}

@Test func ctrlCStopsALongRunAndTheShellGoesOn() throws {
    let names = (1...400).map { String(format: "s%03d", $0) }
    let config = "scores:\n" + names.map { "  \($0):\n    module: health\n" }.joined()
    let workspace = try ShellWorkspace(config: config)
    let shell = try workspace.startShell()
    try shell.type("run")
    try shell.send("Enter")
    try shell.wait(for: "s003: run 3,")
    try shell.send("C-c")
    try shell.wait(for: "prompt after Ctrl-C") { TmuxSession.lastLine(of: $0) == "scorebook>" }
    // Ctrl-C at the prompt drops the typed line: otherwise the next command would read "show s00use s001".
    try shell.type("show s00")
    try shell.wait(for: "scorebook> show s00")
    try shell.send("C-c")
    try shell.wait(for: "dropped line") { TmuxSession.lastLine(of: $0) == "scorebook>" }
    try shell.type("use s001")
    try shell.send("Enter")
    let screen = try shell.wait(for: "scorebook [s001]> ")
    #expect(!screen.contains("s400: run"), "the run went on after Ctrl-C")
    #expect(!screen.contains("SHELL-EXITED"))
    let runs =
        try Database(path: workspace.database, create: false)
        .makeStatement("SELECT count(*) FROM score_runs WHERE finished_at IS NOT NULL").map { $0.integer(0) }.first ?? 0
    #expect(runs >= 3 && runs < 400)
}

@Test func assessmentRefusesAnOutOfRangeAnswerAndStoresTheAnswers() throws {
    let workspace = try ShellWorkspace(accounts: 20)
    let shell = try workspace.startShell()
    try shell.type("assess acc-000001")
    try shell.send("Enter")
    try shell.wait(for: "Profile fit")
    try shell.type("maybe")
    try shell.send("Enter")
    try shell.wait(for: "\"maybe\" is not allowed: answer yes or no")
    try shell.wait(for: "Profile fit", count: 2)
    for answer in ["y", "no", "yes", "n"] {
        try shell.type(answer)
        try shell.send("Enter")
    }
    try shell.wait(for: "Stored 4 answers for acc-000001 by tester")
    let stored = try storedAnswers(workspace.database)
    #expect(
        stored == [
            "low_effort=1.0 by tester", "need_fit=0.0 by tester", "profile_fit=1.0 by tester",
            "revenue_potential=0.0 by tester",
        ])
}

@Test func ratedAssessmentRefusesElevenAndStoresRatings() throws {
    let config = "scores:\n  rated:\n    module: value\n    method: qualitative\n    answers: rating\n"
    let workspace = try ShellWorkspace(accounts: 20, config: config)
    let result = try workspace.shell(["--author", "ann"], input: "assess acc-000002\n11\n7\n8\n9\n10\n")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.contains("\"11\" is not allowed: answer a whole number from 1 to 10"))
    #expect(
        try storedAnswers(workspace.database) == [
            "low_effort=9.0 by ann", "need_fit=8.0 by ann", "profile_fit=7.0 by ann", "revenue_potential=10.0 by ann",
        ])
}

@Test func dashCAndStandardInputRunCommandsAndStopAtTheFirstError() throws {
    let workspace = try ShellWorkspace(accounts: 50)
    let ok = try workspace.shell(["-c", "run health; show health --top 5"])
    #expect(ok.status == 0, "\(ok.stderr)")
    #expect(ok.stdout.contains("5  acc-"))

    let failed = try workspace.shell(["-c", "show nosuch; scores"])
    #expect(failed.status == 1)
    #expect(!failed.stdout.contains("never run"), "the shell went on after the error")
    #expect(failed.stderr.split(separator: "\n").count == 1)

    let piped = try workspace.shell([], input: "use health\nshow --top 1\nbogus\nscores\n")
    #expect(piped.status == 64)
    #expect(piped.stdout.contains("1  acc-"))
    #expect(!piped.stdout.contains("never run"))

    let clean = try workspace.shell([], input: "as-of 2025-01-01; run health\nshow health --format csv --top 1\n")
    #expect(clean.status == 0, "\(clean.stderr)")
    #expect(clean.stdout.contains("as of 2025-01-01"))
}

/// The shell's stored answers as `item=value by author`, sorted.
private func storedAnswers(_ path: String) throws -> [String] {
    let database = try Database(path: path, create: false)
    let sql = "SELECT item, answer, author FROM assessments WHERE source = 'shell' ORDER BY item"
    return try database.makeStatement(sql).map { "\($0.text(0) ?? "")=\($0.double(1)) by \($0.text(2) ?? "")" }
}
