import Foundation
import ScoreKit
import Store

/// A score's section of the HTML report: bands in band order, the accounts at risk with what to do about them, the
/// movers since the previous run, MRR per band, the trend by as-of day, the distribution, the top accounts, and
/// validation against an outcome when one is given.
struct ScoreSection {
    /// The section's HTML.
    let html: String

    /// Accounts listed as at risk, at most.
    static let atRiskLimit = 15
    /// Movers listed, at most.
    static let moverLimit = 10

    init(
        run: ScoreRun, store: ScoreRunStore, database: Database, options: HTMLReport.Options,
        contexts: [String: AccountContext]
    ) throws {
        let higher = options.higherIsBetter(run.scoreName)
        let results = try store.results(runID: run.id)
        let order = BandOrder(values: results.map { ($0.band, $0.value) }, higherIsBetter: higher)
        var counts: [String: Int] = [:]
        var mrr: [String: Int64] = [:]
        for result in results {
            counts[result.band, default: 0] += 1
            mrr[result.band, default: 0] += contexts[result.accountID]?.mrrCents ?? 0
        }
        let name = SVG.escape(run.scoreName)
        var html =
            "<section class=\"score\" id=\"\(HTMLReport.anchor(run.scoreName))\"><h2>\(name) "
            + "<small>\(SVG.escape(run.module) ), run \(run.id) (\(run.kind.rawValue)) as of \(run.asOf), "
            + "\(results.count) accounts; \(higher ? "higher is better" : "lower is better: a higher score is riskier")"
            + "</small></h2>"
        html +=
            "<p class=\"bands\">"
            + order.labels.map { band in
                "<span>\(Self.badge(band, order)) \(counts[band] ?? 0) accounts</span>"
            }.joined() + "</p>"
        guard !results.isEmpty else {
            self.html = html + "<p class=\"note\">This run scored no accounts.</p></section>"
            return
        }

        html += Self.atRisk(run: run, results: results, order: order, contexts: contexts, options: options)
        html += try Self.movers(run: run, results: results, store: store, higherIsBetter: higher)

        var charts = SVG.bars(
            order.labels.map { SVG.Bar(label: $0, value: Double(counts[$0] ?? 0), colour: order.colour(of: $0)) },
            title: "Accounts per band, best to worst", axis: "accounts", format: { Figures.fixed($0, decimals: 0) })
        if mrr.values.contains(where: { $0 > 0 }) {
            charts += SVG.bars(
                order.labels.map {
                    SVG.Bar(label: $0, value: Double(mrr[$0] ?? 0) / 100, colour: order.colour(of: $0))
                },
                title: "MRR per band as of \(run.asOf)", axis: "MRR", format: Self.money)
        }
        charts += try Self.trend(run: run, store: store)
        charts += Self.distribution(results.map(\.value), scoreName: run.scoreName)
        html += "<div class=\"charts\">\(charts)</div>"

        let top = higher ? Array(results.prefix(5)) : Array(results.suffix(5).reversed())
        html += "<h3>Top accounts: \(higher ? "the highest scores" : "the riskiest (highest \(name) first)")</h3>"
        html += Self.componentTable(top, order: order)
        if let outcome = options.outcome {
            html += Self.validation(run: run, outcome: outcome, higherIsBetter: higher, database: database)
        }
        self.html = html + "</section>"
    }

    /// The worst band's accounts, worst first, with MRR, renewal, primary contact and next action.
    private static func atRisk(
        run: ScoreRun, results: [StoredResult], order: BandOrder, contexts: [String: AccountContext],
        options: HTMLReport.Options
    ) -> String {
        guard let worst = order.worst, order.labels.count > 1 else { return "" }
        let inBand = results.reversed().filter { $0.band == worst }
        let shown = inBand.prefix(atRiskLimit)
        var html =
            "<h3>At risk: \(inBand.count) accounts in \(badge(worst, order))"
            + (inBand.count > shown.count ? " <small>(the \(shown.count) worst shown)</small>" : "") + "</h3>"
        html +=
            "<table><tr><th class=\"n\">#</th><th>account</th><th class=\"n\">score</th><th class=\"n\">MRR</th>"
            + "<th>renewal</th><th>primary contact</th><th>next action</th></tr>"
        let asOf = Day(iso: run.asOf)
        for result in shown {
            let context = contexts[result.accountID]
            let renewal = asOf.flatMap { day in
                context?.startDate.flatMap { Day(iso: $0) }.map { nextAnniversary(of: $0, after: day) }
            }
            let contact = [context?.contactName, context?.contactEmail].compactMap { $0 }.filter { !$0.isEmpty }
            let action = playbook(result) ?? options.nextAction(run.scoreName, result.band) ?? "-"
            html +=
                "<tr><td class=\"n\">\(result.position)</td><td>\(SVG.escape(result.accountName)) "
                + "<code>\(SVG.escape(result.accountID))</code></td><td class=\"n\">\(Figures.fixed(result.value))</td>"
                + "<td class=\"n\">\(context?.mrrCents.map { money(Double($0) / 100) } ?? "-")</td>"
                + "<td>\(renewal.map { "\($0)" } ?? "-")</td>"
                + "<td>\(contact.isEmpty ? "none on file" : SVG.escape(contact.joined(separator: ", ")))</td>"
                + "<td>\(SVG.escape(action))</td></tr>"
        }
        return html + "</table><p class=\"note\">Renewal: the next anniversary of the account's start after "
            + "\(run.asOf). MRR: the latest known on or before the report's latest as-of day.</p>"
    }

    /// The accounts whose score moved most since the score's previous current run, and how many changed band.
    private static func movers(run: ScoreRun, results: [StoredResult], store: ScoreRunStore, higherIsBetter: Bool)
        throws -> String
    {
        let earlier = try store.currentRuns(of: run.scoreName).filter { $0.asOf < run.asOf && $0.accountCount > 0 }
        guard let previous = earlier.max(by: { $0.asOf < $1.asOf }) else {
            return "<h3>Movers</h3><p class=\"note\">No earlier current run to compare with.</p>"
        }
        let before = Dictionary(
            try store.values(runID: previous.id).map { ($0.accountID, ($0.value, $0.band)) },
            uniquingKeysWith: { first, _ in first })
        let moved = results.compactMap { result -> (StoredResult, Double, String)? in
            guard let old = before[result.accountID] else { return nil }
            return (result, result.value - old.0, old.1)
        }
        let bandChanges = moved.filter { $0.0.band != $0.2 }.count
        let worsened = moved.filter { higherIsBetter ? $0.1 < 0 : $0.1 > 0 }.count
        var html =
            "<h3>Movers since run \(previous.id) as of \(previous.asOf)</h3><p>\(moved.count) accounts in both runs: "
            + "\(bandChanges) changed band, \(worsened) got worse, \(moved.count - worsened) held or improved.</p>"
        let largest = moved.filter { $0.1 != 0 }.sorted { abs($0.1) > abs($1.1) }.prefix(moverLimit)
        guard !largest.isEmpty else { return html }
        html +=
            "<table><tr><th>account</th><th class=\"n\">before</th><th class=\"n\">now</th><th class=\"n\">change</th>"
            + "<th>band</th></tr>"
        for (result, change, oldBand) in largest {
            let better = higherIsBetter ? change > 0 : change < 0
            html +=
                "<tr><td>\(SVG.escape(result.accountName)) <code>\(SVG.escape(result.accountID))</code></td>"
                + "<td class=\"n\">\(Figures.fixed(result.value - change))</td>"
                + "<td class=\"n\">\(Figures.fixed(result.value))</td>"
                + "<td class=\"n \(better ? "up" : "down")\">\(change > 0 ? "+" : "")\(Figures.fixed(change))</td>"
                + "<td>\(SVG.escape(oldBand))"
                + "\(oldBand == result.band ? "" : " &rarr; " + SVG.escape(result.band))</td></tr>"
        }
        return html + "</table>"
    }

    /// The mean score of each current run that scored accounts, by as-of day, up to this run's.
    private static func trend(run: ScoreRun, store: ScoreRunStore) throws -> String {
        let runs = try store.currentRuns(of: run.scoreName).filter { $0.accountCount > 0 && $0.asOf <= run.asOf }
            .sorted { $0.asOf < $1.asOf }
            .suffix(24)
        guard runs.count > 1 else { return "" }
        let points = try runs.map { past -> (label: String, value: Double) in
            let values = try store.values(runID: past.id).map(\.value)
            return (past.asOf, values.reduce(0, +) / Double(max(values.count, 1)))
        }
        return SVG.line(points, title: "Mean score by as-of day (\(points.count) current runs)", axis: "mean score")
    }

    /// Ten equal bins from the lowest score to the highest.
    private static func distribution(_ values: [Double], scoreName: String) -> String {
        let low = values.min() ?? 0
        let span = max((values.max() ?? 0) - low, 1e-9)
        var bins = Array(repeating: 0, count: 10)
        for value in values { bins[min(9, Int((value - low) / span * 10))] += 1 }
        return SVG.bars(
            bins.enumerated().map {
                SVG.Bar(
                    label: Figures.fixed(low + Double($0.offset) * span / 10, decimals: 0), value: Double($0.element))
            },
            title: "Distribution of \(scoreName) (\(values.count) accounts; bins from the score shown)",
            axis: "accounts",
            format: { $0 > 0 ? Figures.fixed($0, decimals: 0) : "" })
    }

    /// ROC and lift against the outcome, or a line saying why there is nothing to show.
    private static func validation(
        run: ScoreRun, outcome: HTMLReport.OutcomeCheck, higherIsBetter: Bool, database: Database
    ) -> String {
        let heading = "<h3>Validation against \(SVG.escape(outcome.event)) within \(outcome.horizonDays) days</h3>"
        let result: Validation
        do {
            result = try Validation(
                run: run, higherIsBetter: higherIsBetter, outcome: outcome.event, horizonDays: outcome.horizonDays,
                database: database)
        } catch {
            return heading + "<p class=\"note\">Nothing to validate against: \(SVG.escape("\(error)")).</p>"
        }
        guard result.positives > 0 else {
            return heading
                + "<p class=\"note\">No \(SVG.escape(outcome.event)) outcomes within \(outcome.horizonDays) days "
                + "after \(run.asOf) among its \(result.accounts) accounts: nothing to validate against.</p>"
        }
        let lift = result.deciles.map { bucket in
            SVG.Bar(
                label: bucket.label.replacingOccurrences(of: "decile ", with: "D"),
                value: result.baseRate > 0 ? bucket.rate / result.baseRate : 0)
        }
        return heading + "<p>\(result.positives) of \(result.accounts) accounts had \(SVG.escape(outcome.event)). "
            + "\(SVG.escape(result.verdict))</p><div class=\"charts\">"
            + SVG.roc(result.curve, title: "ROC curve, AUC \(Figures.fixed(result.auc, decimals: 3))")
            + SVG.bars(
                lift, title: "Lift by decile, riskiest first (1.0 is the base rate)", axis: "lift",
                format: { Figures.fixed($0, decimals: 2) }, reference: 1)
            + "</div>"
    }

    private static func componentTable(_ results: [StoredResult], order: BandOrder) -> String {
        var html =
            "<table><tr><th class=\"n\">#</th><th>account</th><th class=\"n\">score</th><th>band</th>"
            + "<th>components (signal: contribution)</th></tr>"
        for result in results {
            let parts = result.components.map { "\($0.signal): \(Figures.fixed($0.contribution))" }
                .joined(separator: ", ")
            html +=
                "<tr><td class=\"n\">\(result.position)</td><td>\(SVG.escape(result.accountName)) "
                + "<code>\(SVG.escape(result.accountID))</code></td><td class=\"n\">\(Figures.fixed(result.value))</td>"
                + "<td>\(badge(result.band, order))</td><td>\(SVG.escape(parts))</td></tr>"
        }
        return html + "</table>"
    }

    /// The band's playbook, for modules that give one as a detail (health).
    private static func playbook(_ result: StoredResult) -> String? {
        guard case .text(let playbook) = result.detail("playbook"), !playbook.isEmpty else { return nil }
        return playbook
    }

    private static func badge(_ band: String, _ order: BandOrder) -> String {
        "<span class=\"band\" style=\"background:\(order.colour(of: band))\">\(SVG.escape(band))</span>"
    }

    /// The first anniversary of `start` on or after `day` (29 February falls on the 28th in other years).
    static func nextAnniversary(of start: Day, after day: Day) -> Day {
        let (_, month, date) = start.components
        let year = day.components.year
        func on(_ year: Int) -> Day {
            Day(year: year, month: month, day: date) ?? Day(year: year, month: month, day: 28) ?? day
        }
        let candidate = on(year)
        return candidate >= day ? candidate : on(year + 1)
    }

    /// An amount with thousands separators and no decimals; k and M above ten thousand.
    static func money(_ amount: Double) -> String {
        if amount >= 10_000_000 { return Figures.fixed(amount / 1_000_000, decimals: 1) + "M" }
        if amount >= 10_000 { return Figures.fixed(amount / 1_000, decimals: 1) + "k" }
        return Figures.fixed(amount, decimals: 0)
    }
}
