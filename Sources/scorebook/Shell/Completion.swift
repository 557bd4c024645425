import ArgumentParser
import Host
import ScoreKit

/// Tab completion: command names, the typed command's options, score and module names, account and run ids.
struct Completion {
    /// Where score names, accounts and runs come from.
    let workspace: Workspace

    /// Commands that take a score name first.
    private static let scoreCommands: Set<String> = [
        "run", "show", "explain", "compare", "validate", "act", "report", "train", "use", "assess",
    ]

    /// The completions of the last word of `line` (the text before the cursor).
    func candidates(_ line: String) -> [String] {
        let (words, current) = ShellWords.partial(line)
        guard let command = words.first else { return Self.filter(ShellCommands.names, current) }
        if current.hasPrefix("-") {
            return Self.filter(ShellCommands.options(of: command), current)
        }
        let previous = words.count > 1 ? words[words.count - 1] : ""
        switch previous {
        case "--format": return Self.filter(["table", "csv", "json"], current)
        case "--run": return Self.filter(runIDs(of: Self.positionals(words).first ?? "").map(String.init), current)
        default: break
        }
        if previous.hasPrefix("-") && !ShellCommands.flags.contains(previous) { return [] }
        if let at = current.firstIndex(of: "@") {
            let name = String(current[..<at])
            return Self.filter(runIDs(of: name).map { "\(name)@\($0)" }, current)
        }
        // Arguments already typed before the current word.
        let position = Self.positionals(words).count
        switch command {
        case "help": return Self.filter(ShellCommands.names, current)
        case "modules": return Self.filter(registeredModules.map { $0.identifier }, current)
        case "timing", "\\timing": return Self.filter(["on", "off"], current)
        case "explain" where position == 1, "assess" where position == 0:
            return accountIDs(prefix: current)
        case "explain" where position == 0:
            return Self.filter(scoreNames(), current) + accountIDs(prefix: current)
        case let name where Self.scoreCommands.contains(name):
            return Self.filter(scoreNames(), current)
        default:
            return []
        }
    }

    private static func positionals(_ words: [String]) -> [String] {
        SessionState.positionals(Array(words.dropFirst()))
    }

    private static func filter(_ words: [String], _ prefix: String) -> [String] {
        words.filter { $0.hasPrefix(prefix) }.sorted()
    }

    /// The configured score names, or none when the configuration does not load.
    func scoreNames() -> [String] {
        (try? workspace.loadConfiguration().scores.map(\.name)) ?? []
    }

    /// Up to 200 account ids starting with `prefix`.
    func accountIDs(prefix: String) -> [String] {
        guard let database = try? workspace.openDatabase() else { return [] }
        return (try? AccountSearch(database: database).ids(startingWith: prefix)) ?? []
    }

    /// The stored run ids of a score, newest first.
    func runIDs(of name: String) -> [Int64] {
        guard let database = try? workspace.openDatabase() else { return [] }
        return (try? RunArchive(database: database).runIDs(of: name)) ?? []
    }
}
