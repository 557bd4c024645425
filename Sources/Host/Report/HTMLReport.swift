import Foundation
import Store

/// One self-contained HTML page (inline CSS and SVG, no scripts) about stored runs, for a customer-success manager
/// to act on, on screen or printed: per score the accounts at risk with their MRR, renewal, primary contact and next
/// action, the movers since the previous run, bands in band order with their MRR, the trend by as-of day, and the
/// distribution; ROC and lift when an outcome is given; a pair section for each pair asked for.
public struct HTMLReport {
    let store: ScoreRunStore
    private let database: Database

    /// Creates a report over a database.
    public init(database: Database) {
        self.database = database
        self.store = ScoreRunStore(database: database)
    }

    /// An outcome to validate each score against.
    public struct OutcomeCheck: Sendable {
        public let event: String
        public let horizonDays: Int

        /// Creates the check.
        public init(event: String, horizonDays: Int) {
            self.event = event
            self.horizonDays = horizonDays
        }
    }

    /// What the page needs to know from the configuration.
    public struct Options {
        /// The outcome to validate against, if any.
        public var outcome: OutcomeCheck?
        /// Pairs of scores (names or NAME@RUN) to compare in sections of their own.
        public var pairs: [(String, String)] = []
        /// Whether a score's higher values are better (false for a risk score such as churn).
        public var higherIsBetter: (String) -> Bool = { _ in true }
        /// The score's next action for a band (its configured actions), when it has one.
        public var nextAction: (String, String) -> String? = { _, _ in nil }

        /// Options with no outcome, no pairs, higher is better and no actions.
        public init() {}
    }

    /// The page for these runs (NAME or NAME@RUN each).
    public func render(scores: [String], options: Options) throws -> String {
        let runs = try scores.map { try RunReference($0).resolve(in: store) }
        let contexts = try AccountContextStore(database: database).contexts(asOf: runs.map(\.asOf).max() ?? "")
        var sections = try runs.map { run in
            try ScoreSection(run: run, store: store, database: database, options: options, contexts: contexts).html
        }
        for (first, second) in options.pairs {
            let comparison = try Comparison(
                first: try RunReference(first).resolve(in: store), second: try RunReference(second).resolve(in: store),
                store: store)
            sections.append(pairSection(comparison, options: options))
        }
        let generated = String(ISO8601DateFormatter().string(from: Date()).prefix(16)).replacingOccurrences(
            of: "T", with: " ")
        let contents = runs.map { "<a href=\"#\(Self.anchor($0.scoreName))\">\(SVG.escape($0.scoreName))</a>" }
            .joined(separator: " · ")
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Scorebook report</title>
            <style>\(Self.style)</style></head>
            <body><h1>Scorebook report</h1><p class="meta">\(runs.count) score\(runs.count == 1 ? "" : "s"), generated \
            \(generated) UTC from \(SVG.escape(database.displayName)).</p>
            <p class="contents">\(contents)</p>
            \(sections.joined(separator: "\n"))
            </body></html>
            """
    }

    /// The id of a score's section.
    static func anchor(_ name: String) -> String {
        "score-" + String(name.map { $0.isLetter || $0.isNumber ? $0 : "-" })
    }

    private func pairSection(_ comparison: Comparison, options: Options) -> String {
        func order(_ pairs: [(String, Double)], _ name: String) -> [String] {
            BandOrder(values: pairs.map { (band: $0.0, value: $0.1) }, higherIsBetter: options.higherIsBetter(name))
                .labels
        }
        let firstBands = order(comparison.pairs.map { ($0.firstBand, $0.first) }, comparison.first.scoreName)
        let secondBands = order(comparison.pairs.map { ($0.secondBand, $0.second) }, comparison.second.scoreName)
        var counts: [String: Int] = [:]
        for pair in comparison.pairs { counts[pair.firstBand + "\u{1F}" + pair.secondBand, default: 0] += 1 }
        let (a, b) = (comparison.first.scoreName, comparison.second.scoreName)
        let heat = SVG.heatMap(
            rows: firstBands, columns: secondBands, count: { counts[$0 + "\u{1F}" + $1] ?? 0 },
            title: "Accounts by \(a) band (rows) and \(b) band (columns), best first")
        let sample = stride(from: 0, to: comparison.pairs.count, by: max(1, comparison.pairs.count / 500)).map {
            comparison.pairs[$0]
        }
        let scatter = SVG.scatter(
            sample.map { ($0.firstRank, $0.secondRank) }, title: "Percentile ranks",
            xAxis: "\(a) percentile", yAxis: "\(b) percentile")
        return "<section class=\"pair\"><h2>\(SVG.escape(a)) vs \(SVG.escape(b))</h2>"
            + "<p>\(comparison.pairs.count) accounts in common; "
            + "Spearman rho \(comparison.spearman.map { Figures.fixed($0, decimals: 3) } ?? "-"), "
            + "Kendall tau-b \(comparison.kendall.map { Figures.fixed($0, decimals: 3) } ?? "-").</p>"
            + "<div class=\"charts\">\(heat)\(scatter)</div></section>"
    }

    static let style = """
        body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:1360px;padding:0 1em;color:#222}
        h1{margin:0}.meta,.note,small{color:#666}.contents a{margin-right:.2em}
        section{border-top:2px solid #ddd;padding-top:.8em;margin-top:1.6em}h2{margin:.2em 0}h3{margin:1em 0 .3em}
        .charts{display:flex;flex-wrap:wrap;gap:1em}figure{margin:0;break-inside:avoid}
        figcaption{font-weight:600;margin-bottom:.3em}svg{background:#fff;border:1px solid #e4e4e4}
        svg text{font-size:11px;fill:#333}svg text.small{font-size:9.5px;fill:#555}
        svg text.value{font-size:10px;fill:#111}
        .bar{fill:#5b7fb9}.cell{fill:#3b5b92}.dot{fill:#5b7fb9;fill-opacity:.5}.point{fill:#2c6e9b}
        .trend{stroke:#2c6e9b;stroke-width:2}.roc{stroke:#c0392b;stroke-width:2}
        .axis{stroke:#666}.grid{stroke:#eee}.chance{stroke:#999;stroke-dasharray:4}
        .reference{stroke:#222;stroke-dasharray:5 3}
        table{border-collapse:collapse;margin:.3em 0;break-inside:auto}tr{break-inside:avoid}
        td,th{border-bottom:1px solid #eee;padding:.25em .6em;text-align:left;vertical-align:top}th{background:#f6f6f6}
        td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}code{color:#555}
        .band{display:inline-block;padding:0 .45em;border-radius:3px;color:#fff;font-weight:600}
        .bands span{margin-right:1em}.up{color:#2e8b57}.down{color:#c0392b}
        @media print{body{margin:0;max-width:none}.charts{gap:.4em}svg{width:330px;height:auto}}
        """
}
