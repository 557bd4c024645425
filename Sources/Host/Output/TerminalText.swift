import Connectors

/// Text made safe for a terminal: data from outside (names, ids, servers' messages) cannot move the cursor, clear the
/// screen, set the window title or reorder what is shown, and no token this process sent is shown (a server may echo
/// one in an error).
///
/// Control characters (C0 but tab and line feed, DEL, C1) and the bidirectional overrides and isolates are replaced by
/// a visible `\uXXXX`, the form a JSON string reads back as the same character, so JSON output stays valid and equal.
public enum TerminalText {
    /// The text with every token scrubbed and every control character shown as `\uXXXX`.
    public static func safe(_ text: String) -> String {
        let text = SecretRedactor.scrub(text)
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            if isControl(scalar) {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                result += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// True for what a terminal may act on rather than show.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A: return false
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}
