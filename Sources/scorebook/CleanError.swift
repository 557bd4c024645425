/// A failure of the command line itself (a shell command's answer, say), said in one line.
struct CleanError: Error, CustomStringConvertible {
    /// The line.
    let description: String

    /// An error saying `description`.
    init(_ description: String) { self.description = description }
}
