import Foundation
import Host
import ScoreKit

/// Runs shell lines: the shell's own commands in process, everything else as a child `scorebook` command.
final class ShellSession {
    /// Where commands work.
    let workspace: Workspace
    /// The author stored with assessments.
    let author: String
    /// How output is coloured.
    let style: ShellStyle
    /// The current score, day and timing.
    private(set) var state = SessionState()
    /// Reads answers during `assess`: the line editor when interactive, else standard input.
    var ask: (String) -> String? = { prompt in
        print(prompt, terminator: "")
        fflush(stdout)
        return Swift.readLine()
    }

    /// Creates a session.
    init(workspace: Workspace, author: String, style: ShellStyle) {
        self.workspace = workspace
        self.author = author
        self.style = style
    }

    /// What the line asked the shell to do next.
    enum Outcome: Equatable {
        /// Go on; the status is 0 when every command succeeded, else the first failure's.
        case status(Int32)
        /// `exit` or `quit`.
        case exit
    }

    /// The prompt for the current state.
    var prompt: String { style.prompt(state.prompt) }

    /// Runs each `;`-separated command of `line`, stopping at the first failure.
    func execute(line: String) -> Outcome {
        let commands: [[String]]
        do {
            commands = try ShellWords.commands(line)
        } catch {
            report("\(error)")
            return .status(64)
        }
        for words in commands {
            let outcome = execute(words)
            if outcome != .status(0) { return outcome }
        }
        return .status(0)
    }

    /// Runs one command's words, timing it when timing is on.
    func execute(_ words: [String]) -> Outcome {
        let started = Date()
        let outcome = dispatch(words)
        if state.isTiming, let name = words.first, !["timing", "\\timing"].contains(name) {
            let milliseconds = Date().timeIntervalSince(started) * 1_000
            Terminal.writeStyled(style.dim(String(format: "Time: %.1f ms", milliseconds)))
        }
        fflush(stdout)
        return outcome
    }

    private func dispatch(_ words: [String]) -> Outcome {
        guard let name = words.first else { return .status(0) }
        let arguments = Array(words.dropFirst())
        switch name {
        case "exit", "quit":
            return .exit
        case "help" where arguments.isEmpty:
            print(ShellCommands.helpText)
            return .status(0)
        case "help":
            return child([arguments[0], "--help"])
        case "use":
            return use(arguments)
        case "as-of":
            return setAsOf(arguments)
        case "timing", "\\timing":
            return setTiming(arguments)
        case "assess":
            return assess(arguments)
        default:
            guard ShellCommands.subcommand(named: name) != nil else {
                report("unknown command \"\(name)\"; `help` lists the commands")
                return .status(64)
            }
            return child([name] + state.expand(name, arguments))
        }
    }

    private func child(_ arguments: [String]) -> Outcome {
        do {
            let status = try ChildCommand(workspace: workspace).run(arguments)
            if status == 128 + SIGINT { print() }
            return .status(status)
        } catch {
            report("\(error)")
            return .status(1)
        }
    }

    private func use(_ arguments: [String]) -> Outcome {
        guard arguments.count <= 1 else { return usage("use NAME") }
        guard let name = arguments.first else {
            print(state.score.map { "current score: \($0)" } ?? "no current score; `use NAME` sets one")
            return .status(0)
        }
        if let configuration = try? workspace.loadConfiguration(),
            !configuration.scores.contains(where: { $0.name == name })
        {
            let names = configuration.scores.map(\.name).joined(separator: ", ")
            report("no score named \"\(name)\" in \(workspace.configurationPath) (scores: \(names))")
            return .status(1)
        }
        state.score = name
        return .status(0)
    }

    private func setAsOf(_ arguments: [String]) -> Outcome {
        guard arguments.count <= 1 else { return usage("as-of YYYY-MM-DD") }
        guard let text = arguments.first else {
            print(state.asOf.map { "as of \($0)" } ?? "as of today (UTC)")
            return .status(0)
        }
        if ["today", "none", "off"].contains(text) {
            state.asOf = nil
            return .status(0)
        }
        guard let day = Day(iso: text), text.count == 10 else {
            report("\"\(text)\" is not a date (YYYY-MM-DD)")
            return .status(64)
        }
        state.asOf = day
        return .status(0)
    }

    private func setTiming(_ arguments: [String]) -> Outcome {
        switch arguments.first {
        case nil: state.isTiming.toggle()
        case "on": state.isTiming = true
        case "off": state.isTiming = false
        default: return usage("timing on|off")
        }
        print("Timing is \(state.isTiming ? "on" : "off").")
        return .status(0)
    }

    private func assess(_ arguments: [String]) -> Outcome {
        var account: String?
        var scoreName = state.score
        var author = self.author
        var index = 0
        while index < arguments.count {
            let word = arguments[index]
            if ["--score", "--author"].contains(word), index + 1 < arguments.count {
                if word == "--score" { scoreName = arguments[index + 1] } else { author = arguments[index + 1] }
                index += 2
            } else if !word.hasPrefix("-") && account == nil {
                account = word
                index += 1
            } else {
                return usage("assess ACCOUNT [--score NAME] [--author NAME]")
            }
        }
        guard let account else { return usage("assess ACCOUNT [--score NAME] [--author NAME]") }
        do {
            let configuration = try workspace.loadConfiguration()
            let explicit = arguments.contains("--score") ? scoreName : nil
            let name = explicit ?? usableScore(scoreName, configuration)
            let assessment = try Assessment(configuration: configuration, name: name)
            let database = try workspace.openDatabase()
            try AccountSearch(database: database).requireAccount(account)
            print("Assessing \(account) for \(assessment.score.name) as \(author); answer \(assessment.allowed).")
            guard let answers = assessment.answers(ask: ask, say: { self.report($0) }) else {
                report("assessment cancelled; nothing stored")
                return .status(1)
            }
            let date = Day.today.description
            let writer = AssessmentWriter(database: database)
            try writer.write(account: account, answers: answers, author: author, date: date)
            print("Stored \(answers.count) answers for \(account) by \(author) on \(date).")
            return .status(0)
        } catch {
            report("\(error)")
            return .status(1)
        }
    }

    /// The session's score when it asks for assessments, else nil (the first score that does is used).
    private func usableScore(_ name: String?, _ configuration: ScorebookConfiguration) -> String? {
        guard let name, let score = try? configuration.score(named: name) else { return nil }
        return score.facts.contains { if case .assessment = $0 { return true } else { return false } } ? name : nil
    }

    private func usage(_ text: String) -> Outcome {
        report("usage: \(text)")
        return .status(64)
    }

    /// Prints a one-line problem on standard error.
    func report(_ text: String) {
        fflush(stdout)
        Terminal.warnStyled(style.error("error: \(text)"))
    }
}
