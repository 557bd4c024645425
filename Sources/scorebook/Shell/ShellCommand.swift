import ArgumentParser
import Foundation
import Host

/// `scorebook shell`: the commands of the command line, interactively, with history, completion and session state.
struct ShellCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shell",
        abstract: "An interactive shell: the same commands with line editing, history, Tab completion and `use NAME`.",
        discussion: "With -c or with standard input not a terminal, runs the commands without line editing and exits "
            + "with the first failing command's status. History is kept in $SCOREBOOK_HISTORY or ~/.scorebook_history.")

    @OptionGroup var global: GlobalOptions

    @Option(name: .customShort("c"), help: "Commands to run, separated by `;`; the shell exits after them.")
    var commands: String?

    @Option(help: "The author stored with `assess` answers (default $USER).")
    var author: String?

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let workspace = Workspace(
            database: global.database.map(Self.absolute), configuration: global.configuration.map(Self.absolute))
        let session = ShellSession(
            workspace: workspace, author: author ?? environment["USER"] ?? "unknown", style: .current())
        if let commands {
            try Self.finish(session.execute(line: commands))
        } else if isatty(0) == 1 {
            interact(session)
        } else {
            while let line = Swift.readLine() {
                try Self.finish(session.execute(line: line), onlyFailure: true)
            }
        }
    }

    /// Ends a script on `exit` or a failure, with the failing status.
    private static func finish(_ outcome: ShellSession.Outcome, onlyFailure: Bool = false) throws {
        switch outcome {
        case .exit: throw ExitCode.success
        case .status(0): if !onlyFailure { throw ExitCode.success }
        case .status(let status): throw ExitCode(status)
        }
    }

    /// The read-run loop under a terminal: Ctrl-C cancels the line or stops the command, Ctrl-D leaves.
    private func interact(_ session: ShellSession) {
        InterruptHandler.install()
        let reader = LineReader(
            historyPath: LineReader.defaultHistoryPath(), completer: Completion(workspace: session.workspace))
        session.ask = { prompt in
            switch reader.read(prompt: prompt, remember: false) {
            case .line(let line): return line
            case .interrupted, .end: return nil
            }
        }
        print("Scorebook shell: `help` lists commands, Tab completes, Ctrl-D leaves.")
        while true {
            switch reader.read(prompt: session.prompt) {
            case .end:
                print()
                return
            case .interrupted:
                print("^C")
            case .line(let line):
                if session.execute(line: line) == .exit { return }
            }
        }
    }

    /// A path made absolute against the shell's working folder, so children agree on it.
    private static func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }
}
