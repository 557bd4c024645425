import Foundation
import Store

/// Explains one account's score in a run: each signal's raw value, scaled value, weight and contribution.
public struct Explanation: Renderable {
    /// The run.
    public let run: ScoreRun
    /// The account's result.
    public let result: StoredResult

    /// Creates an explanation.
    public init(run: ScoreRun, result: StoredResult) {
        self.run = run
        self.result = result
    }

    /// The explanation as text, its table fitted to `width`.
    public func render(_ format: OutputFormat, width: Int? = nil) -> String {
        if format != .table { return ResultRenderer(run: run, results: [result]).render(format, width: width) }
        var lines = [
            "\(result.accountName) (\(result.accountID)) in \(run.scoreName) (\(run.module)), run \(run.id) as of \(run.asOf)",
            "score \(Figures.fixed(result.value)), band \(result.band), rank \(result.position) of \(run.accountCount)",
            "",
        ]
        let components = (try? JSONSerialization.jsonObject(with: Data(result.components.utf8)) as? [[String: Any]]) ?? []
        var table = TextTable(columns: ["signal", "raw", "normalised", "weight", "contribution"], numeric: [1, 2, 3, 4])
        var total = 0.0
        for component in components {
            let number = { (key: String) in (component[key] as? NSNumber)?.doubleValue }
            let contribution = number("contribution") ?? 0
            total += contribution
            let manual = (component["manual"] as? Bool) == true ? " (manual)" : ""
            table.rows.append([
                "\(component["signal"] as? String ?? "?")\(manual)", Figures.raw(number("raw")),
                Figures.fixed(number("normalised") ?? 0), Figures.fixed(number("weight") ?? 0), Figures.fixed(contribution, decimals: 2),
            ])
        }
        table.rows.append(["total", "", "", "", Figures.fixed(total, decimals: 2)])
        lines.append(table.render(width: width))
        if let details = try? JSONSerialization.jsonObject(with: Data(result.details.utf8)) as? [String: Any], !details.isEmpty {
            lines.append("")
            lines.append(details.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", "))
        }
        return lines.joined(separator: "\n")
    }
}
