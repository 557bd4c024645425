import Host

/// Every line a command prints to standard output comes through here (it shadows `Swift.print` in this target): control
/// characters in the text are shown as visible escapes, so names, ids and servers' messages from outside cannot drive
/// the terminal.
///
/// Styled shell output, whose escape codes are ours, uses `Terminal.writeStyled`.
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
    Swift.print(TerminalText.safe(items.map { "\($0)" }.joined(separator: separator)), terminator: terminator)
}
