import CEditLine
import Foundation

/// Reads lines with libedit's readline API: line editing, persistent history and Tab completion.
final class LineReader {
    /// The history file, written after every line so nothing typed is lost.
    let historyPath: String

    /// Opens the history at `historyPath` and installs `completer` for Tab.
    init(historyPath: String, completer: Completion) {
        self.historyPath = historyPath
        LineReader.completer = completer
        rl_readline_name = UnsafePointer(strdup("scorebook"))
        // Only spaces and `;` end a word, so `health@` completes to run ids and `--format=` stays whole.
        rl_completer_word_break_characters = strdup(" \t\n;")
        rl_basic_word_break_characters = UnsafePointer(strdup(" \t\n;"))
        rl_attempted_completion_function = { text, _, _ in
            rl_attempted_completion_over = 1
            let line = rl_line_buffer.map { String(cString: $0) } ?? ""
            let cursor = Int(rl_point)
            let before = String(line.utf8.prefix(cursor)) ?? line
            LineReader.matches = LineReader.completer?.candidates(before) ?? []
            LineReader.nextMatch = 0
            guard !LineReader.matches.isEmpty else { return nil }
            return rl_completion_matches(text) { _, state in
                if state == 0 { LineReader.nextMatch = 0 }
                guard LineReader.nextMatch < LineReader.matches.count else { return nil }
                defer { LineReader.nextMatch += 1 }
                return strdup(LineReader.matches[LineReader.nextMatch])
            }
        }
        using_history()
        stifle_history(2_000)
        _ = read_history(historyPath)
    }

    private nonisolated(unsafe) static var completer: Completion?
    private nonisolated(unsafe) static var matches: [String] = []
    private nonisolated(unsafe) static var nextMatch = 0

    /// The result of one read.
    enum Input: Equatable {
        case line(String)
        case interrupted
        case end
    }

    /// Shows `prompt` and reads a line; Ctrl-C gives `.interrupted`, Ctrl-D `.end`.
    func read(prompt: String, remember: Bool = true) -> Input {
        shellInterrupted = 0
        guard let pointer = readline(prompt) else {
            if shellInterrupted != 0 {
                shellInterrupted = 0
                return .interrupted
            }
            return .end
        }
        defer { free(pointer) }
        let line = String(cString: pointer)
        if shellInterrupted != 0 {
            shellInterrupted = 0
            return .interrupted
        }
        if remember && !line.trimmingCharacters(in: .whitespaces).isEmpty {
            add_history(line)
            _ = write_history(historyPath)
        }
        return .line(line)
    }

    /// The history file: `$SCOREBOOK_HISTORY`, else `~/.scorebook_history`.
    static func defaultHistoryPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let path = environment["SCOREBOOK_HISTORY"], !path.isEmpty { return path }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return (home as NSString).appendingPathComponent(".scorebook_history")
    }
}
