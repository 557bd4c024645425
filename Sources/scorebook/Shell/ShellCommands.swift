import ArgumentParser
import Foundation

/// The commands a shell line can start with: the command line's subcommands plus the shell's own.
enum ShellCommands {
    /// The shell's own commands, with a line of help each.
    static let builtins: [(name: String, help: String)] = [
        ("use", "use NAME: make NAME the current score (show, explain ACCOUNT, compare OTHER then need no name)"),
        ("as-of", "as-of YYYY-MM-DD: the day run and validate use (as-of today clears it)"),
        ("assess", "assess ACCOUNT [--score NAME] [--author NAME]: answer the value questions for an account"),
        ("timing", "timing on|off (or \\timing): print how long each command took"),
        ("help", "help [COMMAND]: this list, or a command's options"),
        ("exit", "exit (or Ctrl-D): leave the shell"),
    ]

    /// Subcommands that make no sense inside the shell.
    private static let excluded: Set<String> = ["shell", "demo", "sandbox"]

    /// The command line's subcommands usable from the shell.
    static var subcommands: [ParsableCommand.Type] {
        Scorebook.configuration.subcommands.filter { !excluded.contains($0._commandName) }
    }

    /// Every name a line can start with.
    static var names: [String] {
        subcommands.map { $0._commandName } + builtins.map(\.name) + ["quit", "\\timing"]
    }

    /// The subcommand called `name`, if any.
    static func subcommand(named name: String) -> ParsableCommand.Type? {
        subcommands.first { $0._commandName == name }
    }

    /// Flags (options that take no value) of any command.
    static let flags: Set<String> = ["--dry-run", "--help", "-h"]

    /// The long options of a command, read from its swift-argument-parser help.
    static func options(of name: String) -> [String] {
        switch name {
        case "assess": return ["--score", "--author"]
        default: break
        }
        guard let command = subcommand(named: name) else { return [] }
        let help = command.helpMessage(columns: 1_000)
        var options: [String] = []
        for word in help.split(whereSeparator: { " \n,<>=".contains($0) }) where word.hasPrefix("--") {
            let option = String(word.prefix { $0 == "-" || $0.isLetter || $0.isNumber })
            if option.count > 2 && !options.contains(option) { options.append(option) }
        }
        return options
    }

    /// The shell's help: every command with its one-line abstract.
    static var helpText: String {
        var lines = ["Commands (as on the command line; `help COMMAND` shows its options):"]
        let width = 10
        for command in subcommands {
            let name = command._commandName
            let padding = String(repeating: " ", count: max(1, width - name.count))
            lines.append("  \(name)\(padding)\(command.configuration.abstract)")
        }
        lines.append("Shell commands:")
        for builtin in builtins {
            let padding = String(repeating: " ", count: max(1, width - builtin.name.count))
            lines.append("  \(builtin.name)\(padding)\(builtin.help)")
        }
        lines.append("Separate commands with `;`; quote words with spaces. Ctrl-C stops a command, Ctrl-D leaves.")
        return lines.joined(separator: "\n")
    }
}
