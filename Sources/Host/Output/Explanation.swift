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
            "\(result.accountName) (\(result.accountID)) in \(run.scoreName) (\(run.module)), "
                + "run \(run.id) as of \(run.asOf)",
            "score \(Figures.fixed(result.value)), band \(result.band), rank \(result.position) of \(run.accountCount)",
            "",
        ]
        var table = TextTable(
            columns: ["signal", "raw", "normalised", "weight", "contribution"], numeric: [1, 2, 3, 4])
        for component in result.components {
            table.rows.append([
                component.signal + (component.isManual ? " (manual)" : ""), Figures.raw(component.raw),
                Figures.fixed(component.normalised), Figures.fixed(component.weight),
                Figures.fixed(component.contribution, decimals: 2),
            ])
        }
        let total = result.components.reduce(0) { $0 + $1.contribution }
        table.rows.append(["total", "", "", "", Figures.fixed(total, decimals: 2)])
        lines.append(table.render(width: width))
        if !result.details.isEmpty {
            lines.append("")
            lines.append(result.details.map { "\($0.name): \($0.value)" }.joined(separator: ", "))
        }
        return lines.joined(separator: "\n")
    }
}
