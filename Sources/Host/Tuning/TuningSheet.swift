import ScoreKit

/// A score's tunables as a spreadsheet: one row per weight, band, grid step, bin edge or value.
///
/// `score,setting,kind,key,low,high,value`: `setting` is the setting's key path in the score's YAML (`weights`,
/// `grids.feature_usage`, `icp.revenue_icp.grades`), `kind` says which cells a row fills (docs/spreadsheets.md).
/// Ranges are two number cells, never text such as `1-29`, which a spreadsheet would turn into a date.
public enum TuningSheet {
    /// The columns, in order.
    public static let columns = ["score", "setting", "kind", "key", "low", "high", "value"]

    /// The rows of a score's tunables, as a listing (CSV is the sheet; a table or JSON shows the same rows).
    public static func listing(score: String, tunables: [Tunable]) -> Listing {
        var listing = Listing(columns: columns, numeric: [4, 5, 6])
        listing.fields = [("score", .text(score))]
        listing.rows = tunables.flatMap { tunable in
            tunable.entries.map { entry in
                [score, setting(tunable.path), tunable.kind.rawValue, entry.key]
                    + [entry.low, entry.high, entry.value].map { $0.map(TuningNumber.text) ?? "" }
            }
        }
        return listing
    }

    /// The sheet of a score's tunables: the header, then a line per row, cells formula-safe.
    public static func render(score: String, tunables: [Tunable]) -> String {
        listing(score: score, tunables: tunables).render(.csv) + "\n"
    }

    /// A setting's key path as the sheet writes it.
    static func setting(_ path: [String]) -> String { path.joined(separator: ".") }
}
