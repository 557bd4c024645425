import Foundation
import Host

/// What the command knows about its terminal.
enum Terminal {
    /// True when standard error is a terminal (progress is shown only there).
    static var isInteractive: Bool { isatty(2) == 1 }

    /// True when standard output is a terminal (tables and a line per item); off one, commands say it in a line.
    static var isOutputTerminal: Bool { isatty(1) == 1 }

    /// Rewrites a progress line on standard error; nil clears it.
    static func progress(_ text: String?) {
        let line = text.map { "\r\($0)\u{1B}[K" } ?? "\r\u{1B}[K"
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// The width of the terminal standard output goes to; nil when it is a file or a pipe.
    static var outputWidth: Int? {
        guard isatty(1) == 1 else { return nil }
        var size = winsize()
        guard ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }

    /// Prints output in a format on standard output (through the target's safe `print`), a table fitted to the
    /// terminal's width.
    static func show(_ output: some Renderable, as format: OutputFormat) {
        print(output.render(format, width: outputWidth))
    }

    /// Prints a line to standard error, control characters shown as visible escapes.
    static func warn(_ text: String) {
        FileHandle.standardError.write(Data((TerminalText.safe(text) + "\n").utf8))
    }

    /// Prints a line whose escape codes are the shell's own styling (its text was made safe by `ShellStyle`).
    static func warnStyled(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Prints styled text to standard output (its text was made safe by `ShellStyle`).
    static func writeStyled(_ text: String) {
        Swift.print(text)
    }
}
