import Generator
import ScoreKit
import Store

/// Prints a run's results as a table, CSV or JSON (the run's score, run, as_of, kind, module and accounts, then rows:
/// objects with account_id, name, score, band, components, and the module's details in the module's order).
public struct ResultRenderer: Renderable {
    /// The run shown.
    public let run: ScoreRun
    /// Its results, in position order.
    public let results: [StoredResult]

    /// Creates a renderer.
    public init(run: ScoreRun, results: [StoredResult]) {
        self.run = run
        self.results = results
    }

    /// The results in a format, a table fitted to `width`.
    public func render(_ format: OutputFormat, width: Int? = nil) -> String {
        switch format {
        case .table: return table(width: width)
        case .csv: return csv()
        case .json: return json()
        }
    }

    /// Every detail's name, in the module's order, those only some accounts have where they first appear.
    private var detailNames: [String] {
        FirstAppearance.names(results.lazy.map { $0.details.lazy.map(\.name) })
    }

    /// Every signal of the results, in the order they first appear, so an account missing one still lines up.
    private var componentSignals: [String] {
        FirstAppearance.names(results.lazy.map { $0.components.lazy.map(\.signal) })
    }

    private func table(width: Int?) -> String {
        let rows = results.map { Dictionary($0.details, uniquingKeysWith: { first, _ in first }) }
        func text(_ value: DetailValue?) -> String {
            switch value {
            case .integer(let value): return Figures.raw(Double(value))
            case .number(let value): return Figures.raw(value)
            case .text(let value): return value
            case nil: return ""
            }
        }
        func isFraction(_ value: DetailValue?) -> Bool {
            guard case .number(let number) = value else { return false }
            return number != number.rounded()
        }
        // A detail that is the band on every row (a segment that names the band) is said by the band column.
        let names = detailNames.filter { name in
            !zip(results, rows).allSatisfy { result, values in values[name] == .text(result.band) }
        }
        // Fractional numbers equal on every row (a fitted model's parameters) are said once above the table.
        let constant =
            rows.count > 1
            ? names.filter { name in isFraction(rows[0][name]) && Set(rows.map { text($0[name]) }).count == 1 } : []
        let columns = names.filter { !constant.contains($0) }
        var table = TextTable(columns: ["#", "account_id", "name", "score", "band"] + columns, numeric: [0, 3])
        for (result, values) in zip(results, rows) {
            let cells = [String(result.position), result.accountID, result.accountName, Figures.fixed(result.value)]
            table.rows.append(cells + [result.band] + columns.map { text(values[$0]) })
        }
        var header = "\(run.scoreName) (\(run.module)) run \(run.id) as of \(run.asOf): \(run.accountCount) accounts"
        if let first = rows.first, !constant.isEmpty {
            header += "\n" + constant.map { "\($0) \(text(first[$0]))" }.joined(separator: ", ")
        }
        return header + "\n" + table.render(width: width)
    }

    /// One row per account: its result, the run's id, as-of day and kind, the module's details, then per signal its
    /// raw value, scaled value, weight and contribution (`recency_raw`, `recency_normalised`, `recency_weight`,
    /// `recency_contribution`), the numbers `explain` shows, unrounded.
    private func csv() -> String {
        let names = detailNames
        let signals = componentSignals
        var lines = [
            CSVField.row(
                ["account_id", "name", "rank", "score", "band", "run", "as_of", "kind"] + names
                    + signals.flatMap { signal in
                        ["raw", "normalised", "weight", "contribution"].map { "\(signal)_\($0)" }
                    })
        ]
        for result in results {
            let values = Dictionary(result.details, uniquingKeysWith: { first, _ in first })
            let components = Dictionary(
                result.components.map { ($0.signal, $0) }, uniquingKeysWith: { first, _ in first })
            let cells =
                [
                    result.accountID, result.accountName, String(result.position), JSONText.number(result.value),
                    result.band, String(run.id), run.asOf, run.kind.rawValue,
                ]
                + names.map { values[$0]?.description ?? "" }
                + signals.flatMap { signal -> [String] in
                    guard let component = components[signal] else { return ["", "", "", ""] }
                    return [component.raw, component.normalised, component.weight, component.contribution].map {
                        $0.map(JSONText.number) ?? ""
                    }
                }
            lines.append(CSVField.row(cells))
        }
        return lines.joined(separator: "\n")
    }

    private func json() -> String {
        var rows = JSONWriter()
        rows.raw("[")
        for (index, result) in results.enumerated() {
            if index > 0 { rows.raw(",\n") }
            rows.raw("{")
            rows.member("account_id")
            rows.string(result.accountID)
            rows.raw(",")
            rows.member("name")
            rows.string(result.accountName)
            rows.raw(",\"rank\":")
            rows.integer(Int64(result.position))
            rows.raw(",\"score\":")
            rows.number(result.value)
            rows.raw(",\"band\":")
            rows.string(result.band)
            rows.raw(",\"components\":")
            rows.components(result.components, keyed: true)
            for detail in result.details {
                rows.raw(",")
                rows.member(detail.name)
                rows.value(detail.value)
            }
            rows.raw("}")
        }
        rows.raw("]")
        return JSONText.object(
            Listing.members(of: run) + [
                ("module", JSONText.string(run.module)), ("accounts", String(run.accountCount)), ("rows", rows.text),
            ])
    }
}
