import ScoreKit

/// Reads a tuning sheet with the import's CSV reader and limits, refusing what a sheet of settings never holds.
///
/// Each cell is checked on its own: text cells may not start like a formula (`=`, `+`, `-`, `@`, or the `'` a
/// spreadsheet shows as text) nor hold control characters, number cells must be plain decimal numbers within
/// ±10^15. NUL bytes, text that is not UTF-8 and oversized fields are the CSV reader's to refuse.
struct TuningReader {
    /// The file to read.
    let path: String
    /// The file as the user named it, for errors.
    let displayName: String

    /// More rows than any score has settings: a sheet past this is not a tuning sheet.
    static let maximumRows = 10_000

    /// The rows, in file order.
    func rows() throws -> [TuningRow] {
        let reader = try CSVReader(path: path, displayName: displayName)
        let columns = TuningSheet.columns
        for name in reader.header where !columns.contains(name) {
            throw ImportError(
                file: displayName, line: 1,
                reason: "unknown column \"\(Self.shown(name))\" (columns: \(columns.joined(separator: ", ")))")
        }
        let index = try Dictionary(
            uniqueKeysWithValues: columns.map { name in
                guard let position = reader.header.firstIndex(of: name) else {
                    throw ImportError(file: displayName, line: 1, reason: "the header has no column \"\(name)\"")
                }
                return (name, position)
            })
        var rows: [TuningRow] = []
        while let record = try reader.next() {
            guard rows.count < Self.maximumRows else {
                throw ImportError(
                    file: displayName, line: record.line,
                    reason: "more than \(Self.maximumRows) rows; nothing was imported")
            }
            let cell = { (name: String) in (record.fields[index[name] ?? 0] ?? "").trimmingASCIISpaces() }
            rows.append(try row(line: record.line, cell: cell))
        }
        return rows
    }

    private func row(line: Int, cell: (String) -> String) throws -> TuningRow {
        func fail(_ column: String, _ reason: String) -> ImportError {
            ImportError(file: displayName, line: line, column: column, reason: reason)
        }
        for name in ["score", "setting", "kind", "key"] {
            let text = cell(name)
            if text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
                throw fail(name, "\"\(Self.shown(text))\" holds a control character")
            }
            if let first = text.unicodeScalars.first, Self.formulaStarts.contains(first) {
                throw fail(name, "\"\(Self.shown(text))\" starts like a spreadsheet formula; settings never do")
            }
        }
        let kindText = cell("kind")
        guard let kind = Tunable.Kind(rawValue: kindText) else {
            let kinds = Tunable.Kind.allCases.map(\.rawValue).joined(separator: ", ")
            throw fail("kind", "\"\(Self.shown(kindText))\" is not a kind (one of: \(kinds))")
        }
        var numbers: [String: Double] = [:]
        for name in ["low", "high", "value"] where !cell(name).isEmpty {
            switch TuningNumber.parse(cell(name)) {
            case .success(let number): numbers[name] = number
            case .failure(.notANumber):
                throw fail(name, "\"\(Self.shown(cell(name)))\" is not a number (digits, a dot for decimals)")
            case .failure(.outOfRange):
                throw fail(name, "\(Self.shown(cell(name))) is out of range (at most ±10^15)")
            }
        }
        return TuningRow(
            line: line, score: cell("score"), setting: cell("setting"), kind: kind,
            entry: Tunable.Entry(key: cell("key"), low: numbers["low"], high: numbers["high"], value: numbers["value"]))
    }

    /// At most 60 characters of a cell, for a message.
    static func shown(_ text: String) -> String {
        let scalars = text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "?" : String($0) }
        return scalars.prefix(60).joined() + (scalars.count > 60 ? "..." : "")
    }

    private static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "'"]
}
