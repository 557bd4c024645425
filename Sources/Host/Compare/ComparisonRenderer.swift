import Foundation
import Generator
import Store

/// Prints a comparison as text or JSON.
public struct ComparisonRenderer: Renderable {
    /// The comparison.
    public let comparison: Comparison
    /// Accounts listed per section.
    public let limit: Int

    /// Creates a renderer.
    public init(comparison: Comparison, limit: Int = 10) {
        self.comparison = comparison
        self.limit = limit
    }

    /// The comparison as text (`table`, fitted to `width`) or JSON; CSV gives the per-account pairs.
    public func render(_ format: OutputFormat, width: Int? = nil) -> String {
        switch format {
        case .table: return text(width: width)
        case .json: return json()
        case .csv:
            let header = "account_id,first_score,second_score,first_band,second_band,first_rank,second_rank"
            return
                ([header]
                + comparison.pairs.map { pair in
                    [
                        pair.accountID, JSONText.number(pair.first), JSONText.number(pair.second), pair.firstBand,
                        pair.secondBand,
                        Figures.fixed(pair.firstRank), Figures.fixed(pair.secondRank),
                    ].map(CSVField.escape).joined(separator: ",")
                }).joined(separator: "\n")
        }
    }

    private func text(width: Int?) -> String {
        let a = comparison.first
        let b = comparison.second
        var lines = [
            "\(a.scoreName)@\(a.id) (as of \(a.asOf)) vs \(b.scoreName)@\(b.id) (as of \(b.asOf)): "
                + "\(comparison.pairs.count) accounts in common"
                + (comparison.onlyFirst + comparison.onlySecond > 0
                    ? ", \(comparison.onlyFirst) only in the first, \(comparison.onlySecond) only in the second" : ""),
            "Spearman rho \(comparison.spearman.map { Figures.fixed($0, decimals: 3) } ?? "-")  "
                + "Kendall tau-b \(comparison.kendall.map { Figures.fixed($0, decimals: 3) } ?? "-")",
        ]
        if comparison.isOverTime {
            let (psi, reading) = comparison.stability
            lines.append("Population stability index \(Figures.fixed(psi, decimals: 3)): \(reading)")
        }
        lines.append("")
        lines.append(
            comparison.isOverTime ? "Band transitions (from -> to):" : "Bands (\(a.scoreName) x \(b.scoreName)):")
        var crosstab = TextTable(columns: [a.scoreName, b.scoreName, "accounts"], numeric: [2])
        for cell in comparison.crosstab { crosstab.rows.append([cell.first, cell.second, String(cell.count)]) }
        lines.append(crosstab.render(width: width))
        lines.append("")
        if comparison.isOverTime {
            let (rises, falls) = comparison.movers(limit: limit)
            lines.append("Largest rises and falls:")
            var movers = TextTable(
                columns: ["account_id", "name", "from", "to", "change", "bands"], numeric: [2, 3, 4])
            for pair in rises + falls {
                movers.rows.append([
                    pair.accountID, pair.accountName, Figures.fixed(pair.first), Figures.fixed(pair.second),
                    Figures.fixed(pair.second - pair.first), "\(pair.firstBand) -> \(pair.secondBand)",
                ])
            }
            lines.append(movers.render(width: width))
        } else {
            lines.append("Where the ranks disagree most (percentile rank in each, 100 = best):")
            var table = TextTable(columns: ["account_id", a.scoreName, "rank", b.scoreName, "rank"], numeric: [2, 4])
            for pair in comparison.disagreements(limit: limit) {
                table.rows.append([
                    pair.accountID, pair.firstBand, Figures.fixed(pair.firstRank), pair.secondBand,
                    Figures.fixed(pair.secondRank),
                ])
            }
            lines.append(table.render(width: width))
        }
        return lines.joined(separator: "\n")
    }

    private func json() -> String {
        func pair(_ pair: Comparison.Pair) -> String {
            JSONText.object([
                ("account_id", JSONText.string(pair.accountID)), ("name", JSONText.string(pair.accountName)),
                ("first_score", JSONText.number(pair.first)),
                ("second_score", JSONText.number(pair.second)), ("first_band", JSONText.string(pair.firstBand)),
                ("second_band", JSONText.string(pair.secondBand)), ("first_rank", JSONText.number(pair.firstRank)),
                ("second_rank", JSONText.number(pair.secondRank)),
            ])
        }
        func run(_ run: Store.ScoreRun) -> String {
            JSONText.object(Listing.members(of: run))
        }
        var members: [(key: String, json: String)] = [
            ("first", run(comparison.first)), ("second", run(comparison.second)),
            ("common_accounts", String(comparison.pairs.count)), ("only_first", String(comparison.onlyFirst)),
            ("only_second", String(comparison.onlySecond)),
            ("spearman", comparison.spearman.map(JSONText.number) ?? "null"),
            ("kendall_tau_b", comparison.kendall.map(JSONText.number) ?? "null"),
            (
                "crosstab",
                "["
                    + comparison.crosstab.map { cell in
                        JSONText.object([
                            ("first", JSONText.string(cell.first)), ("second", JSONText.string(cell.second)),
                            ("count", String(cell.count)),
                        ])
                    }.joined(separator: ",") + "]"
            ),
            ("disagreements", "[" + comparison.disagreements(limit: limit).map(pair).joined(separator: ",") + "]"),
        ]
        if comparison.isOverTime {
            let (psi, reading) = comparison.stability
            let (rises, falls) = comparison.movers(limit: limit)
            members += [
                ("psi", JSONText.number(psi)), ("psi_reading", JSONText.string(reading)),
                ("rises", "[" + rises.map(pair).joined(separator: ",") + "]"),
                ("falls", "[" + falls.map(pair).joined(separator: ",") + "]"),
            ]
        }
        return JSONText.object(members)
    }
}
