/// A plain text table: a header, rows, numbers right-aligned.
public struct TextTable {
    /// Column titles.
    public let columns: [String]
    /// Which columns hold numbers (right-aligned).
    public let numeric: Set<Int>
    /// The cells.
    public var rows: [[String]] = []

    /// Creates an empty table.
    public init(columns: [String], numeric: Set<Int> = []) {
        self.columns = columns
        self.numeric = numeric
    }

    /// The table as lines of text, fitted to `width` (the terminal's, which the command line passes; nil, for files,
    /// pipes and scripts, never cuts a cell) by shortening the widest free-text columns, whose cut cells end in "~".
    ///
    /// Ids, numbers, dates and bands are never cut: only a column with a cell of several words (a name, a message) is,
    /// and a table of nothing else is printed wider than the terminal.
    public func render(width: Int? = nil) -> String {
        let columns = columns.map(TerminalText.safe)
        let rows = rows.map { $0.map(TerminalText.safe) }
        var widths = columns.map(\.count)
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], cell.count)
            }
        }
        if let width {
            let minimum = 6
            let cuttable = Set(
                widths.indices.filter { index in
                    !numeric.contains(index) && rows.contains { index < $0.count && $0[index].contains(" ") }
                })
            while widths.reduce(0, +) + 2 * max(0, widths.count - 1) > width {
                let candidates = widths.indices.filter { cuttable.contains($0) && widths[$0] > minimum }
                guard let widest = candidates.max(by: { widths[$0] < widths[$1] }) else { break }
                widths[widest] -= 1
            }
        }
        func fit(_ cell: String, _ index: Int) -> String {
            cell.count <= widths[index] ? cell : String(cell.prefix(max(1, widths[index] - 1))) + "~"
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, original in
                let cell = index < widths.count ? fit(original, index) : original
                let padding = String(repeating: " ", count: max(0, widths[index] - cell.count))
                return numeric.contains(index) ? padding + cell : cell + padding
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
        var lines = [line(columns), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")]
        lines += rows.map(line)
        return lines.joined(separator: "\n")
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}

/// Number formatting for people: fixed decimals, no exponent.
public enum Figures {
    /// A number with fixed decimals; past 10^15 (where a double no longer holds every cent) in C's `%f`, and past
    /// 10^18 with an exponent, so no value traps or prints 300 digits.
    public static func fixed(_ value: Double, decimals: Int = 1) -> String {
        guard value.isFinite else { return "-" }
        guard value.magnitude < 1e15 else {
            return String(format: value.magnitude < 1e18 ? "%.\(decimals)f" : "%.3e", value)
        }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        var text = String(Int64(rounded.rounded(.towardZero)))
        if rounded < 0 && text.first != "-" { text = "-" + text }
        guard decimals > 0 else { return text }
        let fraction = Int64((abs(rounded) * scale).rounded()) % Int64(scale)
        let digits = String(fraction)
        return text + "." + String(repeating: "0", count: decimals - digits.count) + digits
    }

    /// A raw fact: whole numbers as integers, others with three decimals, nil as "-".
    public static func raw(_ value: Double?) -> String {
        guard let value else { return "-" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return fixed(value, decimals: 3)
    }

    /// A duration in seconds with two decimals.
    public static func seconds(_ value: Double) -> String { fixed(value, decimals: 2) + " s" }
}
