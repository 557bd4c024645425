import Foundation

/// A program under a pseudo-terminal: a detached tmux session on its own server, driven by keys and read by screen.
final class TmuxSession {
    /// The tmux server's socket name, one per session so tests run side by side.
    let socket = "scorebook-test-\(UUID().uuidString.prefix(8))"

    /// A wait that ran out, with what the screen showed.
    struct Timeout: Error, CustomStringConvertible {
        let description: String
    }

    /// Starts `command` (a shell command line) in `folder` on a 160x50 terminal.
    init(_ command: String, in folder: URL) throws {
        try tmux(["new-session", "-d", "-x", "160", "-y", "50", "-c", folder.path, command], reading: false)
    }

    deinit { _ = try? tmux(["kill-server"], reading: false) }

    /// Types keys: text is sent literally, tmux key names (`Enter`, `Tab`, `Up`, `C-c`, `C-d`) as keys.
    func send(_ keys: String..., literal: Bool = false) throws {
        try tmux(["send-keys"] + (literal ? ["-l"] : []) + keys, reading: false)
    }

    /// Types `text` literally.
    func type(_ text: String) throws { try send(text, literal: true) }

    /// The screen and its scrollback, wrapped lines joined.
    func screen() throws -> String {
        try tmux(["capture-pane", "-p", "-J", "-S", "-500"], reading: true)
    }

    /// Polls the screen until `predicate` holds, or throws with the screen after `timeout` seconds.
    @discardableResult
    func wait(
        for what: String, timeout: TimeInterval = 20, until predicate: (String) -> Bool
    ) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let text = try screen()
            if predicate(text) { return text }
            if Date() > deadline { throw Timeout(description: "no \(what) after \(timeout) s; the screen:\n\(text)") }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    /// Polls until the screen contains `text`.
    @discardableResult
    func wait(for text: String, timeout: TimeInterval = 20) throws -> String {
        try wait(for: "\"\(text)\"", timeout: timeout) { $0.contains(text) }
    }

    /// Polls until the screen holds `text` `count` times.
    @discardableResult
    func wait(for text: String, count: Int, timeout: TimeInterval = 20) throws -> String {
        try wait(for: "\(count)x \"\(text)\"", timeout: timeout) { $0.components(separatedBy: text).count - 1 >= count }
    }

    /// The last non-blank line of a screen, without trailing spaces.
    static func lastLine(of screen: String) -> String {
        let line = screen.split(separator: "\n").last { !$0.allSatisfy(\.isWhitespace) } ?? ""
        return String(line.reversed().drop { $0 == " " }.reversed())
    }

    /// Runs tmux.
    ///
    /// A command that may start the server is spawned and reaped directly: Foundation's `Process` waits on a descriptor
    /// that the forked server inherits, so it would never see the client end.
    @discardableResult
    private func tmux(_ arguments: [String], reading: Bool) throws -> String {
        let all = ["tmux", "-L", socket, "-f", "/dev/null"] + arguments
        guard reading else {
            let argv = all.map { strdup($0) } + [nil]
            defer { argv.forEach { free($0) } }
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            for descriptor: Int32 in 0...2 {
                let mode = descriptor == 0 ? O_RDONLY : O_WRONLY
                posix_spawn_file_actions_addopen(&actions, descriptor, "/dev/null", mode, 0)
            }
            // The server must not inherit the test runner's blocked or ignored signals: a pane would then ignore
            // Ctrl-C and kill-server's SIGHUP.
            var attributes = posix_spawnattr_t()
            posix_spawnattr_init(&attributes)
            defer { posix_spawnattr_destroy(&attributes) }
            var none = sigset_t()
            sigemptyset(&none)
            var all = sigset_t()
            sigfillset(&all)
            posix_spawnattr_setsigmask(&attributes, &none)
            posix_spawnattr_setsigdefault(&attributes, &all)
            posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
            var pid = pid_t()
            guard posix_spawnp(&pid, "tmux", &actions, &attributes, argv, environ) == 0 else {
                throw Timeout(description: "cannot start tmux")
            }
            var status: Int32 = 0
            while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
            return ""
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = all
        process.standardInput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
