import ScoreKit

extension Tunable {
    /// True when both say the same: the same kind and entries, in any order but an edge's position, numbers equal as
    /// `TuningNumber.same` takes them.
    func hasSameValues(as other: Tunable) -> Bool {
        guard kind == other.kind, entries.count == other.entries.count else { return false }
        return zip(canonicalEntries, other.canonicalEntries).allSatisfy { first, second in
            first.key == second.key && TuningNumber.same(first.low, second.low)
                && TuningNumber.same(first.high, second.high) && TuningNumber.same(first.value, second.value)
        }
    }

    /// Entries in one order: grid steps by their low end, edges by position, the others by key.
    private var canonicalEntries: [Entry] {
        switch kind {
        case .points: return entries.sorted { ($0.low ?? 0) < ($1.low ?? 0) }
        case .edge: return entries.sorted { (Int($0.key) ?? 0) < (Int($1.key) ?? 0) }
        case .weight, .band, .share, .value: return entries.sorted { $0.key < $1.key }
        }
    }
}
