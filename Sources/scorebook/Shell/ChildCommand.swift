import Foundation
import Host

/// Runs one command line as a child process of this same binary, with the terminal and the workspace passed along.
///
/// A child keeps the one grammar (swift-argument-parser parses it exactly as on the command line), and the terminal's
/// Ctrl-C reaches the child alone: the shell catches SIGINT, while the child starts with the default action and
/// nothing blocked.
struct ChildCommand {
    /// Where the child works: its paths are passed in `SCOREBOOK_DB` and `SCOREBOOK_CONFIG`.
    let workspace: Workspace

    /// The environment variable that tells a child to say a failure in one line.
    static let marker = "SCOREBOOK_SHELL_CHILD"

    /// A child that could not be started.
    struct SpawnError: Error, CustomStringConvertible {
        let description: String
    }

    /// Runs `scorebook ARGUMENTS` and returns its exit status (128 + N when signal N ended it).
    func run(_ arguments: [String]) throws -> Int32 {
        let executable = Self.executablePath
        var environment = ProcessInfo.processInfo.environment
        environment["SCOREBOOK_DB"] = workspace.databasePath
        environment["SCOREBOOK_CONFIG"] = workspace.configurationPath
        environment[Self.marker] = "1"
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGINT)
        sigaddset(&defaults, SIGQUIT)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        posix_spawnattr_setsigmask(&attributes, &unblocked)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        var pid = pid_t()
        let spawned = posix_spawn(&pid, executable, nil, &attributes, argv, envp)
        guard spawned == 0 else {
            throw SpawnError(description: "cannot start \(executable): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            guard errno == EINTR else { throw SpawnError(description: "waiting for \(executable): errno \(errno)") }
        }
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }

    /// This binary: `/proc/self/exe` where there is one, else the path it was started by.
    static var executablePath: String {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
        return CommandLine.arguments.first ?? "scorebook"
    }
}
