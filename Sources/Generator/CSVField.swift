/// One CSV cell as Scorebook writes it (generated data and every CSV output): safe to open in a spreadsheet, and one
/// cell whatever it holds.
///
/// Text that a spreadsheet would run as a formula (a leading `=`, `+`, `-`, `@`, tab or carriage return: OWASP's
/// "CSV Injection" rule) gets a leading `'`, which the spreadsheet shows as text; numbers are left as they are, so
/// `-12.5` stays a number. A cell holding a comma, a quote, a line feed or a carriage return is quoted (RFC 4180).
public enum CSVField {
    /// The cell as written.
    public static func escape(_ text: String) -> String {
        var cell = text
        if let first = text.unicodeScalars.first, formulaStarts.contains(first), Double(text) == nil {
            cell = "'" + text
        }
        guard cell.unicodeScalars.contains(where: needsQuotes.contains) else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A row of cells, comma-separated, without the line end.
    public static func row(_ cells: [String]) -> String {
        cells.map(escape).joined(separator: ",")
    }

    private static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]
    private static let needsQuotes: Set<Unicode.Scalar> = [",", "\"", "\n", "\r"]
}
