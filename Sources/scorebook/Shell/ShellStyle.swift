import Foundation
import Host

/// Colours for the shell's own output: only on a terminal, and never when `NO_COLOR` is set (no-color.org).
struct ShellStyle {
    /// Whether escape codes are written.
    let isColoured: Bool

    /// The style for standard output's terminal and the environment.
    static func current(environment: [String: String] = ProcessInfo.processInfo.environment) -> ShellStyle {
        let noColour = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        return ShellStyle(isColoured: isatty(1) == 1 && isatty(2) == 1 && !noColour)
    }

    /// The prompt in bold blue; the codes are wrapped in libedit's ignore markers so they take no columns.
    func prompt(_ text: String) -> String {
        let text = TerminalText.safe(text)
        return isColoured ? "\u{1}\u{1B}[1;34m\u{2}" + text + "\u{1}\u{1B}[0m\u{2}" : text
    }

    /// An error line in red.
    func error(_ text: String) -> String { paint(text, "31") }

    /// A quiet line (timings) in grey.
    func dim(_ text: String) -> String { paint(text, "2") }

    private func paint(_ text: String, _ code: String) -> String {
        let text = TerminalText.safe(text)
        return isColoured ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
