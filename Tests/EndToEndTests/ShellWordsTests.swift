import ScoreKit
import Testing

@testable import scorebook

/// Lines and the commands and words the shell splits them into.
private let splits: [(line: String, commands: [[String]])] = [
    ("show health --top 5", [["show", "health", "--top", "5"]]),
    ("run health; show health", [["run", "health"], ["show", "health"]]),
    ("explain 'acme corp'  x", [["explain", "acme corp", "x"]]),
    ("a \"b \\\"c\\\"\" d\\ e", [["a", "b \"c\"", "d e"]]),
    (" ; ;", []),
    ("use 'a;b'", [["use", "a;b"]]),
]

@Test(arguments: splits.indices)
func linesSplitLikeShellWords(_ index: Int) throws {
    #expect(try ShellWords.commands(splits[index].line) == splits[index].commands)
}

@Test func anUnclosedQuoteIsRefused() {
    #expect(throws: ShellWords.Problem.self) { try ShellWords.commands("show 'health") }
}

@Test func sessionFillsInTheCurrentScoreAndDayWhereLeftOut() throws {
    var state = SessionState()
    state.score = "health"
    state.asOf = Day(iso: "2025-01-01")
    #expect(state.prompt == "scorebook [health @2025-01-01]> ")
    #expect(state.expand("show", ["--top", "5"]) == ["health", "--top", "5"])
    #expect(state.expand("show", ["rfm"]) == ["rfm"])
    #expect(state.expand("explain", ["acc-1"]) == ["health", "acc-1"])
    #expect(state.expand("explain", ["rfm", "acc-1"]) == ["rfm", "acc-1"])
    #expect(state.expand("compare", ["health@1", "--top", "3"]) == ["health", "health@1", "--top", "3"])
    #expect(state.expand("run", ["health"]) == ["health", "--as-of", "2025-01-01"])
    #expect(state.expand("run", ["--as-of", "2024-01-01"]) == ["--as-of", "2024-01-01"])
}

@Test func optionsComeFromTheArgumentParserTypes() {
    let options = ShellCommands.options(of: "show")
    #expect(options.contains("--top") && options.contains("--format") && options.contains("--run"))
    #expect(ShellCommands.names.contains("compare") && !ShellCommands.names.contains("shell"))
}
