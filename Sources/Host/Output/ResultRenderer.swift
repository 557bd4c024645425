import Foundation
import Generator
import Store

/// Prints a run's results as a table, CSV or JSON (the run's score, run, as_of, kind, module and accounts, then rows:
/// objects with account_id, name, score, band, components, and the module's details such as code, r, f, m and segment).
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

    private func details(_ result: StoredResult) -> [(String, Any)] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(result.details.utf8)) as? [String: Any] else { return [] }
        return object.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    private var detailNames: [String] {
        guard let first = results.first else { return [] }
        let names = details(first).map(\.0)
        let preferred = ["code", "r", "f", "m", "e", "segment"]
        return preferred.filter(names.contains) + names.filter { !preferred.contains($0) }
    }

    private func table(width: Int?) -> String {
        let rows = results.map { Dictionary(details($0), uniquingKeysWith: { first, _ in first }) }
        func text(_ value: Any?) -> String {
            guard let value else { return "" }
            if let number = value as? NSNumber, !(value is String) { return Figures.raw(number.doubleValue) }
            return "\(value)"
        }
        // Fractional numbers equal on every row (a fitted model's parameters) are said once above the table.
        let names = detailNames.filter { $0 != "segment" }
        func isFraction(_ value: Any?) -> Bool {
            guard let number = value as? NSNumber, !(value is String) else { return false }
            return number.doubleValue != number.doubleValue.rounded()
        }
        let constant = rows.count > 1
            ? names.filter { name in isFraction(rows[0][name]) && Set(rows.map { text($0[name]) }).count == 1 } : []
        let columns = names.filter { !constant.contains($0) }
        var table = TextTable(columns: ["#", "account_id", "name", "score", "band"] + columns, numeric: [0, 3])
        for (result, values) in zip(results, rows) {
            table.rows.append(
                [String(result.position), result.accountID, result.accountName, Figures.fixed(result.value), result.band]
                    + columns.map { text(values[$0]) })
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
        let parts = ["raw", "normalised", "weight", "contribution"]
        var lines = [
            CSVField.row(
                ["account_id", "name", "rank", "score", "band", "run", "as_of", "kind"] + names
                    + signals.flatMap { signal in parts.map { "\(signal)_\($0)" } })
        ]
        for result in results {
            let values = Dictionary(details(result), uniquingKeysWith: { first, _ in first })
            let components = Dictionary(
                parsedComponents(result).compactMap { component in
                    (component["signal"] as? String).map { ($0, component) }
                },
                uniquingKeysWith: { first, _ in first })
            let cells =
                [
                    result.accountID, result.accountName, String(result.position), JSONText.number(result.value),
                    result.band, String(run.id), run.asOf, run.kind.rawValue,
                ]
                + names.map { values[$0].map { "\($0)" } ?? "" }
                + signals.flatMap { signal in
                    parts.map { part in
                        (components[signal]?[part] as? NSNumber).map { JSONText.number($0.doubleValue) } ?? ""
                    }
                }
            lines.append(CSVField.row(cells))
        }
        return lines.joined(separator: "\n")
    }

    private func json() -> String {
        let objects = results.map { result -> String in
            var members: [(key: String, json: String)] = [
                ("account_id", JSONText.string(result.accountID)), ("name", JSONText.string(result.accountName)),
                ("rank", String(result.position)), ("score", JSONText.number(result.value)), ("band", JSONText.string(result.band)),
                ("components", result.components),
            ]
            let inner = result.details.dropFirst().dropLast()
            if !inner.isEmpty { members.append(("", String(inner))) }
            return "{" + members.map { $0.key.isEmpty ? $0.json : JSONText.string($0.key) + ":" + $0.json }.joined(separator: ",") + "}"
        }
        return JSONText.object(
            Listing.members(of: run) + [
                ("module", JSONText.string(run.module)), ("accounts", String(run.accountCount)),
                ("rows", "[" + objects.joined(separator: ",\n") + "]"),
            ])
    }

    /// Every signal of the results, in the order they first appear, so an account missing one still lines up.
    private var componentSignals: [String] {
        var signals: [String] = []
        for result in results {
            for signal in parsedComponents(result).compactMap({ $0["signal"] as? String }) where !signals.contains(signal) {
                signals.append(signal)
            }
        }
        return signals
    }

    private func parsedComponents(_ result: StoredResult) -> [[String: Any]] {
        (try? JSONSerialization.jsonObject(with: Data(result.components.utf8)) as? [[String: Any]]) ?? []
    }
}
