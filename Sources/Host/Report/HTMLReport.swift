import Foundation
import Store

/// One self-contained HTML page (inline CSS and SVG, no scripts) about stored runs: per score the distribution, bands,
/// top and bottom accounts with components, the trend across runs; for pairs the crosstab and rank scatter; and
/// validation curves when an outcome is given.
public struct HTMLReport {
    private let store: ScoreRunStore
    private let database: Database

    /// Creates a report over a database.
    public init(database: Database) {
        self.database = database
        self.store = ScoreRunStore(database: database)
    }

    /// An outcome to validate each score against.
    public struct OutcomeCheck {
        public let event: String
        public let horizonDays: Int
        public let higherIsBetter: (String) -> Bool

        public init(event: String, horizonDays: Int, higherIsBetter: @escaping (String) -> Bool) {
            self.event = event
            self.horizonDays = horizonDays
            self.higherIsBetter = higherIsBetter
        }
    }

    /// The page for the latest runs of these scores.
    public func render(scores: [String], outcome: OutcomeCheck?) throws -> String {
        let runs = try scores.map { try RunReference($0).resolve(in: store) }
        var sections = try runs.map { try section(for: $0, outcome: outcome) }
        for (index, first) in runs.enumerated() {
            for second in runs.dropFirst(index + 1) {
                if let comparison = try? Comparison(first: first, second: second, store: store) {
                    sections.append(pairSection(comparison))
                }
            }
        }
        let generated = ISO8601DateFormatter().string(from: Date())
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Scorebook report</title>
            <style>\(Self.style)</style></head>
            <body><h1>Scorebook report</h1><p class="meta">Generated \(generated) from \(SVG.escape(database.path)).</p>
            \(sections.joined(separator: "\n"))
            </body></html>
            """
    }

    private func section(for run: ScoreRun, outcome: OutcomeCheck?) throws -> String {
        let values = try store.values(runID: run.id)
        let numbers = values.map(\.value)
        let low = numbers.min() ?? 0
        let high = numbers.max() ?? 0
        let span = max(high - low, 1e-9)
        var bins = Array(repeating: 0, count: 10)
        for value in numbers { bins[min(9, Int((value - low) / span * 10))] += 1 }
        let histogram = SVG.bars(
            bins.enumerated().map { (SVG.number(low + Double($0.offset) * span / 10), Double($0.element)) },
            title: "Distribution of \(run.scoreName) (\(values.count) accounts)")
        let bandCounts = try store.bandCounts(runID: run.id)
        let bands = SVG.bars(bandCounts.map { ($0.band, Double($0.count)) }, title: "Accounts per band")
        let history = try store.currentRuns(of: run.scoreName).reversed().map { past -> (String, Double) in
            let values = try store.values(runID: past.id).map(\.value)
            return ("\(past.asOf) #\(past.id)", values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count))
        }
        let trend = SVG.line(history, title: "Mean score per run", maximum: max(100, history.map(\.1).max() ?? 100))
        let top = try store.results(runID: run.id, limit: 5)
        let count = values.count
        let bottom = try store.results(runID: run.id, limit: 5, offset: max(0, count - 5))
        var html = "<section class=\"score\"><h2>\(SVG.escape(run.scoreName)) <small>(\(SVG.escape(run.module)), run \(run.id) as of \(run.asOf))</small></h2>"
        html += "<div class=\"charts\">\(histogram)\(bands)\(trend)</div>"
        html += "<h3>Top accounts</h3>" + accountTable(Array(top))
        html += "<h3>Bottom accounts</h3>" + accountTable(Array(bottom))
        if let outcome, count > 0,
            let validation = try? Validation(
                run: run, higherIsBetter: outcome.higherIsBetter(run.scoreName), outcome: outcome.event,
                horizonDays: outcome.horizonDays, database: database)
        {
            html += "<h3>Validation against \(SVG.escape(outcome.event)) within \(outcome.horizonDays) days</h3><p>\(SVG.escape(validation.verdict))</p>"
            html += "<div class=\"charts\">" + SVG.roc(validation.curve, title: "ROC curve (AUC \(Figures.fixed(validation.auc, decimals: 3)))")
            html += SVG.bars(validation.deciles.map { ($0.label.replacingOccurrences(of: "decile ", with: "D"),
                                                        validation.baseRate > 0 ? $0.rate / validation.baseRate : 0) },
                             title: "Lift by decile, riskiest first") + "</div>"
        }
        return html + "</section>"
    }

    private func accountTable(_ results: [StoredResult]) -> String {
        var html = "<table><tr><th>#</th><th>account</th><th>score</th><th>band</th><th>components (signal: contribution)</th></tr>"
        for result in results {
            let components = (try? JSONSerialization.jsonObject(with: Data(result.components.utf8)) as? [[String: Any]]) ?? []
            let parts = components.map { component in
                "\(component["signal"] as? String ?? "?"): \(Figures.fixed((component["contribution"] as? NSNumber)?.doubleValue ?? 0))"
            }.joined(separator: ", ")
            html += "<tr><td>\(result.position)</td><td>\(SVG.escape(result.accountName)) <code>\(SVG.escape(result.accountID))</code></td>"
                + "<td class=\"n\">\(Figures.fixed(result.value))</td><td>\(SVG.escape(result.band))</td><td>\(SVG.escape(parts))</td></tr>"
        }
        return html + "</table>"
    }

    private func pairSection(_ comparison: Comparison) -> String {
        let firstBands = Array(Set(comparison.pairs.map(\.firstBand))).sorted()
        let secondBands = Array(Set(comparison.pairs.map(\.secondBand))).sorted()
        var counts: [String: Int] = [:]
        for pair in comparison.pairs { counts[pair.firstBand + "\u{1F}" + pair.secondBand, default: 0] += 1 }
        let heat = SVG.heatMap(rows: firstBands, columns: secondBands, count: { counts[$0 + "\u{1F}" + $1] ?? 0 },
                               title: "\(comparison.first.scoreName) bands x \(comparison.second.scoreName) bands")
        let sample = stride(from: 0, to: comparison.pairs.count, by: max(1, comparison.pairs.count / 500)).map { comparison.pairs[$0] }
        let scatter = SVG.scatter(sample.map { ($0.firstRank, $0.secondRank) },
                                  title: "Percentile ranks: \(comparison.first.scoreName) (x) vs \(comparison.second.scoreName) (y)")
        return "<section class=\"pair\"><h2>\(SVG.escape(comparison.first.scoreName)) vs \(SVG.escape(comparison.second.scoreName))</h2>"
            + "<p>\(comparison.pairs.count) accounts in common; Spearman rho \(comparison.spearman.map { Figures.fixed($0, decimals: 3) } ?? "-"), "
            + "Kendall tau-b \(comparison.kendall.map { Figures.fixed($0, decimals: 3) } ?? "-").</p>"
            + "<div class=\"charts\">\(heat)\(scatter)</div></section>"
    }

    static let style = """
        body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#222}h1{margin-top:0}.meta{color:#666}
        section{border-top:1px solid #ddd;padding-top:1em;margin-top:1.5em}.charts{display:flex;flex-wrap:wrap;gap:1em}
        figure{margin:0}figcaption{font-weight:600;margin-bottom:.3em}svg{background:#fafafa;border:1px solid #eee}
        svg text{font-size:10px;fill:#444}.bar{fill:#4a7bd0}.cell{fill:#c0392b}.dot{fill:#4a7bd0;fill-opacity:.5}
        .point{fill:#2c8a4b}.trend,.roc{stroke:#2c8a4b;stroke-width:2}.chance,.axis{stroke:#bbb;stroke-dasharray:4}
        table{border-collapse:collapse;margin:.5em 0}td,th{border-bottom:1px solid #eee;padding:.2em .6em;text-align:left}
        td.n{text-align:right}code{color:#666}
        """
}
