import Generator
import Store

/// Rows under named columns, printed as a table, CSV or JSON: what every listing command prints.
///
/// JSON is one object in one shape for every command (docs/output.md): the run it is about, when it is about one, as
/// `score`, `run`, `as_of` and `kind`; then the command's own `fields`; then `rows`, an array of objects keyed by the
/// columns in snake case (numeric columns as numbers, "-" or empty as null). Rows about a run carry the same four keys.
/// CSV is the rows under the same keys; the table is `TextTable`.
public struct Listing: Sendable, Renderable {
    /// A value of a field: text or a number.
    public enum Value: Sendable {
        case text(String)
        case number(Double)
    }

    /// Column titles, as the table shows them.
    public let columns: [String]
    /// Which columns hold numbers.
    public let numeric: Set<Int>
    /// The cells.
    public var rows: [[String]] = []
    /// The run the listing is about, if it is about one.
    public var run: ScoreRun?
    /// Values about the whole listing (totals, a model's AUC), in JSON only.
    public var fields: [(key: String, value: Value)] = []

    /// Creates an empty listing.
    public init(columns: [String], numeric: Set<Int> = [], run: ScoreRun? = nil) {
        self.columns = columns
        self.numeric = numeric
        self.run = run
    }

    /// The key a column has in CSV and JSON: its title in lower snake case ("last run" is last_run).
    public static func key(_ column: String) -> String {
        let words = column.lowercased().split { !$0.isLetter && !$0.isNumber }
        return words.isEmpty ? "value" : words.joined(separator: "_")
    }

    /// The run's metadata as JSON members: score, run, as_of, kind.
    static func members(of run: ScoreRun) -> [(key: String, json: String)] {
        [
            ("score", JSONText.string(run.scoreName)), ("run", String(run.id)), ("as_of", JSONText.string(run.asOf)),
            ("kind", JSONText.string(run.kind.rawValue)),
        ]
    }

    /// The listing in a format, a table fitted to `width`.
    public func render(_ format: OutputFormat, width: Int? = nil) -> String {
        switch format {
        case .table:
            var table = TextTable(columns: columns, numeric: numeric)
            table.rows = rows
            return table.render(width: width)
        case .csv:
            return ([CSVField.row(columns.map(Self.key))] + rows.map(CSVField.row)).joined(separator: "\n")
        case .json:
            return json()
        }
    }

    private func json() -> String {
        let keys = columns.map(Self.key)
        let objects = rows.map { row in
            JSONText.object(zip(keys, row).enumerated().map { index, pair in (pair.0, cell(pair.1, numeric: index)) })
        }
        var members = run.map(Self.members) ?? []
        for field in fields {
            switch field.value {
            case .text(let text): members.append((field.key, JSONText.string(text)))
            case .number(let number): members.append((field.key, JSONText.number(number)))
            }
        }
        members.append(("rows", "[" + objects.joined(separator: ",\n") + "]"))
        return JSONText.object(members)
    }

    private func cell(_ text: String, numeric index: Int) -> String {
        if text.isEmpty || text == "-" { return "null" }
        guard numeric.contains(index) else { return JSONText.string(text) }
        return Double(text).map(JSONText.number) ?? JSONText.string(text)
    }
}
