/// The configured name closest to a mistyped one, for "not configured; did you mean health?".
public enum NameSuggestion {
    /// The candidate within a small edit distance of `name` (at most 1 for short names, 2 from 5 characters, 3 from
    /// 9), the closest first and the earlier on a tie; nil when none is that close.
    public static func closest(to name: String, among candidates: [String]) -> String? {
        let limit = name.count >= 9 ? 3 : name.count >= 5 ? 2 : 1
        let scored = candidates.map { ($0, distance(name.lowercased(), $0.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= limit else { return nil }
        return best.0
    }

    /// The Levenshtein distance: insertions, deletions and substitutions, each counting 1.
    static func distance(_ lhs: String, _ rhs: String) -> Int {
        let a = Array(lhs)
        let b = Array(rhs)
        var previous = Array(0...b.count)
        for (i, left) in a.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            for (j, right) in b.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (left == right ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }

    /// "not configured; did you mean X?" or "not configured (configured: a, b)".
    public static func notConfigured(_ name: String, configured: [String]) -> String {
        if let suggestion = closest(to: name, among: configured) {
            return "not configured; did you mean \(suggestion)?"
        }
        let known = configured.joined(separator: ", ")
        return "not configured (configured: \(known.isEmpty ? "none" : known))"
    }
}
