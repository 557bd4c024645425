/// Splits a shell line into commands (`;`) and words, with single and double quotes and backslash escapes as in sh.
struct ShellWords {
    /// A line that cannot be split, such as an unclosed quote.
    struct Problem: Error, CustomStringConvertible {
        let description: String
    }

    /// The commands of `line`, each a list of words; empty commands are dropped.
    static func commands(_ line: String) throws -> [[String]] {
        var commands: [[String]] = []
        var words: [String] = []
        var word = ""
        var isInWord = false
        var quote: Character?
        var isEscaped = false
        for character in line {
            if isEscaped {
                word.append(character)
                isEscaped = false
                continue
            }
            if let open = quote {
                if character == open {
                    quote = nil
                } else if character == "\\" && open == "\"" {
                    isEscaped = true
                } else {
                    word.append(character)
                }
                continue
            }
            switch character {
            case "\\":
                isEscaped = true
                isInWord = true
            case "'", "\"":
                quote = character
                isInWord = true
            case ";":
                if isInWord { words.append(word) }
                if !words.isEmpty { commands.append(words) }
                words = []
                word = ""
                isInWord = false
            case " ", "\t", "\n", "\r":
                if isInWord { words.append(word) }
                word = ""
                isInWord = false
            default:
                word.append(character)
                isInWord = true
            }
        }
        if let open = quote { throw Problem(description: "unclosed \(open) quote") }
        if isInWord { words.append(word) }
        if !words.isEmpty { commands.append(words) }
        return commands
    }

    /// The words of `line` before the cursor and the partial word being typed (for completion).
    static func partial(_ line: String) -> (words: [String], current: String) {
        let last = line.split(separator: ";", omittingEmptySubsequences: false).last.map(String.init) ?? ""
        let endsInSpace = last.last.map { $0 == " " || $0 == "\t" } ?? true
        var words = (try? commands(last))?.first ?? last.split(separator: " ").map(String.init)
        if endsInSpace || words.isEmpty { return (words, "") }
        let current = words.removeLast()
        return (words, current)
    }
}
