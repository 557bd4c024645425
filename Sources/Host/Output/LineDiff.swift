/// The lines two texts differ by, as a unified diff without context (`diff -U0`): what `--dry-run` prints.
public enum LineDiff {
    /// The diff of `before` and `after`, each named `name`; empty when they are the same.
    public static func unified(_ before: String, _ after: String, name: String) -> String {
        let old = lines(before)
        let new = lines(after)
        guard old != new else { return "" }
        var lines = ["--- \(name)", "+++ \(name) (after)"]
        for hunk in hunks(old, new) {
            lines.append(
                "@@ -\(range(hunk.oldStart, hunk.removed.count)) +\(range(hunk.newStart, hunk.added.count)) @@")
            lines += hunk.removed.map { "-" + $0 } + hunk.added.map { "+" + $0 }
        }
        return lines.joined(separator: "\n")
    }

    /// The lines of a text, whether they end in LF or CR LF.
    private static func lines(_ text: String) -> [String] {
        text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n")
    }

    private struct Hunk {
        var oldStart: Int
        var newStart: Int
        var removed: [String] = []
        var added: [String] = []
    }

    /// Runs of changed lines, from a longest common subsequence of the lines.
    ///
    /// A configuration is a few hundred lines, so the quadratic table is small; past 4 million cells the whole
    /// middle is one hunk.
    private static func hunks(_ old: [String], _ new: [String]) -> [Hunk] {
        let prefix = zip(old, new).prefix { $0 == $1 }.count
        let suffix = zip(old.dropFirst(prefix).reversed(), new.dropFirst(prefix).reversed()).prefix { $0 == $1 }.count
        let first = Array(old[prefix..<(old.count - suffix)])
        let second = Array(new[prefix..<(new.count - suffix)])
        guard first.count * second.count <= 4_000_000 else {
            return [Hunk(oldStart: prefix, newStart: prefix, removed: first, added: second)]
        }
        // common[i][j]: the longest common subsequence of first[i...] and second[j...].
        var common = Array(repeating: Array(repeating: 0, count: second.count + 1), count: first.count + 1)
        for i in stride(from: first.count - 1, through: 0, by: -1) {
            for j in stride(from: second.count - 1, through: 0, by: -1) {
                common[i][j] =
                    first[i] == second[j] ? common[i + 1][j + 1] + 1 : max(common[i + 1][j], common[i][j + 1])
            }
        }
        var hunks: [Hunk] = []
        var current: Hunk?
        var (i, j) = (0, 0)
        while i < first.count || j < second.count {
            if i < first.count, j < second.count, first[i] == second[j] {
                if let done = current { hunks.append(done) }
                current = nil
                i += 1
                j += 1
            } else if j < second.count, i == first.count || common[i][j + 1] >= common[i + 1][j] {
                current = current ?? Hunk(oldStart: prefix + i, newStart: prefix + j)
                current?.added.append(second[j])
                j += 1
            } else {
                current = current ?? Hunk(oldStart: prefix + i, newStart: prefix + j)
                current?.removed.append(first[i])
                i += 1
            }
        }
        if let done = current { hunks.append(done) }
        return hunks
    }

    /// A hunk's range as diff writes it: the 1-based first line and the count (an empty range names the line before).
    private static func range(_ start: Int, _ count: Int) -> String {
        count == 0 ? "\(start),0" : count == 1 ? "\(start + 1)" : "\(start + 1),\(count)"
    }
}
