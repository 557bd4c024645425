import ArgumentParser
import CProcess
import Host
import Foundation

/// The `scorebook` command: customer scores from CRM and billing data, explained.
@main
struct Scorebook: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score customers from CRM and billing data, and explain every score.",
        discussion: "Exit codes: 0 ok, 1 failure, 64 usage error.",
        version: ScorebookVersion.current,
        subcommands: [
            Initialise.self, Import.self, Generate.self, Modules.self, Scores.self, Check.self, Run.self, Show.self,
            Explain.self, Tune.self, Compare.self, Validate.self, Act.self, Report.self, Runs.self, Train.self,
            Sync.self,
            SandboxCommand.self, Accounts.self, DemoCommand.self, ShellCommand.self,
        ]
    )

    /// Runs the command line.
    ///
    /// Failures are said on standard error with control characters made visible (a name or a server's message cannot
    /// drive the terminal); under `scorebook shell` in one line, without the usage.
    static func main() {
        // Tokens are in this process's memory (and environment): a crash must not write them into a core file.
        _ = cprocess_disable_core_dumps()
        let isChild = ProcessInfo.processInfo.environment[ChildCommand.marker] == "1"
        do {
            var command = try parseAsRoot(GlobalArgumentOrder.reordered(Array(CommandLine.arguments.dropFirst())))
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .success { exit(withError: error) }
            if isChild {
                let message = message(for: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
                Terminal.warn("Error: \(message)")
            } else {
                let text = fullMessage(for: error)
                if !text.isEmpty { Terminal.warn(text) }
            }
            Foundation.exit(code.rawValue)
        }
    }
}

/// The version printed by `--version`.
enum ScorebookVersion {
    static let current = "0.1.0"
}
