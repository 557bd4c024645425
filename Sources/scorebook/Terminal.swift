import Foundation

/// What the command knows about its terminal.
enum Terminal {
    /// True when standard error is a terminal (progress is shown only there).
    static var isInteractive: Bool { isatty(2) == 1 }

    /// Rewrites a progress line on standard error; nil clears it.
    static func progress(_ text: String?) {
        let line = text.map { "\r\($0)\u{1B}[K" } ?? "\r\u{1B}[K"
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// Prints a line to standard error.
    static func warn(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
