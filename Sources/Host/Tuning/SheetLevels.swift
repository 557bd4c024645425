import ScoreKit

/// A tuning sheet's rows gathered by setting and checked against the score's settings in force: the score's name,
/// known settings and kinds, the cells each kind fills, known signals, and no key twice.
struct SheetLevels {
    /// One setting as the sheet has it, with its rows.
    struct Level {
        /// The setting with the sheet's values.
        let tunable: Tunable
        /// The rows it came from, in file order.
        let rows: [TuningRow]
    }

    /// The settings the sheet holds, in the order they first appear.
    let levels: [Level]

    /// Gathers and checks `rows` for `score`, whose settings in force are `current`; `file` names the sheet.
    init(_ rows: [TuningRow], score: String, current: [Tunable], file: String) throws {
        var order: [String] = []
        var gathered: [String: [TuningRow]] = [:]
        for row in rows {
            func fail(_ column: String?, _ reason: String) -> ImportError {
                ImportError(file: file, line: row.line, column: column, reason: reason)
            }
            guard row.score == score else {
                throw fail("score", "the row is for score \"\(TuningReader.shown(row.score))\", not \"\(score)\"")
            }
            guard let level = current.first(where: { TuningSheet.setting($0.path) == row.setting }) else {
                let known = current.map { TuningSheet.setting($0.path) }.joined(separator: ", ")
                throw fail(
                    "setting",
                    "unknown setting \"\(TuningReader.shown(row.setting))\" for score \(score) (settings: \(known))")
            }
            let bandKinds: Set<Tunable.Kind> = [.band, .share]
            guard row.kind == level.kind || (bandKinds.contains(row.kind) && bandKinds.contains(level.kind)) else {
                throw fail("kind", "setting \(row.setting) holds \(level.kind.rawValue) rows, not \(row.kind.rawValue)")
            }
            if let reason = Self.cellProblem(row) { throw fail(nil, reason) }
            let earlier = gathered[row.setting] ?? []
            if let first = earlier.first, first.kind != row.kind {
                throw fail(
                    "kind", "setting \(row.setting) mixes \(first.kind.rawValue) and \(row.kind.rawValue) rows; use one"
                )
            }
            if row.kind == .weight, !level.entries.contains(where: { $0.key == row.entry.key }) {
                let known = level.entries.map(\.key).joined(separator: ", ")
                throw fail(
                    "key", "unknown signal \"\(TuningReader.shown(row.entry.key))\" in \(row.setting) (known: \(known))"
                )
            }
            if row.kind == .edge, Int(row.entry.key).map({ !(1...100).contains($0) }) ?? true {
                throw fail("key", "\"\(TuningReader.shown(row.entry.key))\" is not an edge's position (1, 2, ...)")
            }
            if row.kind != .points, let twin = earlier.first(where: { Self.key(of: $0) == Self.key(of: row) }) {
                throw fail(
                    "key",
                    "\"\(TuningReader.shown(row.entry.key))\" appears twice in \(row.setting) (first on line "
                        + "\(twin.line))"
                )
            }
            if earlier.isEmpty { order.append(row.setting) }
            gathered[row.setting] = earlier + [row]
        }
        levels = try order.map { setting in
            let rows = gathered[setting] ?? []
            let path = current.first { TuningSheet.setting($0.path) == setting }?.path ?? []
            let kind = rows.first?.kind ?? .value
            guard kind == .edge else {
                return Level(tunable: Tunable(path: path, kind: kind, entries: rows.map(\.entry)), rows: rows)
            }
            let sorted = rows.sorted { (Int($0.entry.key) ?? 0) < (Int($1.entry.key) ?? 0) }
            for (position, row) in zip(1..., sorted) where Int(row.entry.key) != position {
                throw ImportError(
                    file: file, line: row.line, column: "key",
                    reason: "the edges of \(setting) are numbered 1 to \(rows.count); \(position) is missing")
            }
            let entries = sorted.map { Tunable.Entry(key: String(Int($0.entry.key) ?? 0), value: $0.entry.value) }
            return Level(tunable: Tunable(path: path, kind: kind, entries: entries), rows: sorted)
        }
    }

    /// What a row of its kind must fill and leave empty, or nil when it does.
    private static func cellProblem(_ row: TuningRow) -> String? {
        let entry = row.entry
        let kind = row.kind.rawValue
        switch row.kind {
        case .weight, .value, .edge:
            if entry.key.isEmpty {
                return "column key: a \(kind) row names its \(row.kind == .edge ? "position" : "key")"
            }
            if entry.value == nil { return "column value: a \(kind) row needs a value" }
            if entry.low != nil || entry.high != nil {
                return "columns low and high are for bands and grids; leave them empty"
            }
        case .band, .share:
            if entry.key.isEmpty { return "column key: a \(kind) row names its label" }
            if entry.low == nil || entry.high == nil { return "columns low and high: a \(kind) row needs both" }
            if entry.value != nil { return "column value: a \(kind) row has none; its range is low to high" }
        case .points:
            if !entry.key.isEmpty {
                return "column key: a points row has none; its range is low to high (empty: and up)"
            }
            if entry.low == nil { return "column low: a points row needs the range's lowest value" }
            if entry.value == nil { return "column value: a points row needs its points" }
        }
        return nil
    }

    /// The key a row is known by inside its setting: edges by position, others by key.
    private static func key(of row: TuningRow) -> String {
        row.kind == .edge ? Int(row.entry.key).map(String.init) ?? row.entry.key : row.entry.key
    }
}
