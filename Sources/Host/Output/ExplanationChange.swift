import Generator
import ScoreKit
import Store

/// Why one account's score moved between two runs of a score: each component's raw value, scaled value and
/// contribution in both, and the change in contribution; the changes sum to the change of the score.
public struct ExplanationChange: Renderable {
    /// One component in both runs; nil where the run has no such component.
    public struct Row: Sendable, Equatable {
        public let signal: String
        public let first: Part?
        public let second: Part?
        /// The second contribution minus the first (a missing one counts 0).
        public var change: Double { (second?.contribution ?? 0) - (first?.contribution ?? 0) }
    }

    /// A component's numbers in one run.
    public struct Part: Sendable, Equatable {
        public let raw: Double?
        public let normalised: Double
        public let contribution: Double
    }

    /// The runs, earlier first as the user named them.
    public let firstRun: ScoreRun
    public let secondRun: ScoreRun
    /// The account's result in each.
    public let first: StoredResult
    public let second: StoredResult
    /// The components, in the first run's order, then any only the second has.
    public let rows: [Row]

    /// Matches the two results' components by signal.
    public init(firstRun: ScoreRun, first: StoredResult, secondRun: ScoreRun, second: StoredResult) {
        self.firstRun = firstRun
        self.secondRun = secondRun
        self.first = first
        self.second = second
        let before = Self.parts(first.components)
        let after = Self.parts(second.components)
        let added = after.map(\.signal).filter { signal in !before.contains { $0.signal == signal } }
        let signals = before.map(\.signal) + added
        rows = signals.map { signal in
            Row(
                signal: signal, first: before.first { $0.signal == signal }?.part,
                second: after.first { $0.signal == signal }?.part)
        }
    }

    /// The change of the score.
    public var change: Double { second.value - first.value }

    /// The explanation as a table fitted to `width`, or as JSON for `--format json` (CSV: one row per component).
    public func render(_ format: OutputFormat, width: Int? = nil) -> String {
        switch format {
        case .json: return json
        case .csv: return csv
        default: return table(width: width)
        }
    }

    private func table(width: Int?) -> String {
        var lines = [
            "\(first.accountName) (\(first.accountID)) in \(firstRun.scoreName) (\(firstRun.module)), "
                + "run \(firstRun.id) as of \(firstRun.asOf) -> run \(secondRun.id) as of \(secondRun.asOf)",
            "score \(Figures.fixed(first.value)) -> \(Figures.fixed(second.value)) (\(signed(change))), "
                + "band \(first.band) -> \(second.band)",
            "",
        ]
        var table = TextTable(
            columns: ["signal", "raw", "normalised", "contribution", "raw", "normalised", "contribution", "change"],
            numeric: [1, 2, 3, 4, 5, 6, 7])
        for row in rows {
            table.rows.append([row.signal] + cells(row.first) + cells(row.second) + [signed(row.change)])
        }
        let total = rows.reduce(0) { $0 + $1.change }
        table.rows.append([
            "total", "", "", Figures.fixed(first.value, decimals: 2), "", "",
            Figures.fixed(second.value, decimals: 2), signed(total),
        ])
        lines.append(table.render(width: width))
        return lines.joined(separator: "\n")
    }

    private var json: String {
        func part(_ part: Part?) -> String {
            guard let part else { return "null" }
            return JSONText.object([
                ("raw", part.raw.map(JSONText.number) ?? "null"), ("normalised", JSONText.number(part.normalised)),
                ("contribution", JSONText.number(part.contribution)),
            ])
        }
        func run(_ run: ScoreRun, _ result: StoredResult) -> String {
            JSONText.object([
                ("run_id", String(run.id)), ("as_of", JSONText.string(run.asOf)),
                ("value", JSONText.number(result.value)),
                ("band", JSONText.string(result.band)),
            ])
        }
        let components = rows.map { row in
            JSONText.object([
                ("signal", JSONText.string(row.signal)), ("first", part(row.first)), ("second", part(row.second)),
                ("change", JSONText.number(row.change)),
            ])
        }
        return JSONText.object([
            ("score", JSONText.string(firstRun.scoreName)), ("account_id", JSONText.string(first.accountID)),
            ("name", JSONText.string(first.accountName)), ("first", run(firstRun, first)),
            ("second", run(secondRun, second)), ("change", JSONText.number(change)),
            ("components", "[" + components.joined(separator: ",") + "]"),
        ])
    }

    private var csv: String {
        let header = [
            "signal", "first_raw", "first_normalised", "first_contribution", "second_raw", "second_normalised",
            "second_contribution", "change",
        ]
        func fields(_ part: Part?) -> [String] {
            guard let part else { return ["", "", ""] }
            return [part.raw.map { String($0) } ?? "", String(part.normalised), String(part.contribution)]
        }
        let lines =
            [CSVField.row(header)]
            + rows.map { CSVField.row([$0.signal] + fields($0.first) + fields($0.second) + [String($0.change)]) }
        return lines.joined(separator: "\n")
    }

    private func cells(_ part: Part?) -> [String] {
        guard let part else { return ["-", "-", "-"] }
        return [Figures.raw(part.raw), Figures.fixed(part.normalised), Figures.fixed(part.contribution, decimals: 2)]
    }

    private func signed(_ value: Double) -> String {
        (value >= 0 ? "+" : "") + Figures.fixed(value, decimals: 2)
    }

    private static func parts(_ components: [Component]) -> [(signal: String, part: Part)] {
        components.map { ($0.signal, Part(raw: $0.raw, normalised: $0.normalised, contribution: $0.contribution)) }
    }
}
