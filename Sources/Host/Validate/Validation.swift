import Foundation
import ScoreKit
import Store

/// A backtest of a stored run: how well its scores as of a day foretold an outcome in the days after.
///
/// Positives had the outcome event within the horizon after the run's as-of day; accounts that had it on or before the
/// day are excluded and counted. The direction follows the score's meaning: for a score where higher is better
/// (health, value), a low score should foretell churn, so the AUC is of the negated score.
public struct Validation: Renderable {
    /// One bucket of accounts: a decile or a band, with its outcome rate and lift over the base rate.
    public struct Bucket: Sendable {
        public let label: String
        public let accounts: Int
        public let outcomes: Int
        public var rate: Double { accounts > 0 ? Double(outcomes) / Double(accounts) : 0 }
    }

    public let run: ScoreRun
    public let outcome: String
    public let horizonDays: Int
    public let accounts: Int
    public let positives: Int
    public let excludedBefore: Int
    public let auc: Double
    public let deciles: [Bucket]
    public let bands: [Bucket]
    public let curve: [(falsePositiveRate: Double, truePositiveRate: Double)]

    /// The share of accounts with the outcome.
    public var baseRate: Double { accounts > 0 ? Double(positives) / Double(accounts) : 0 }

    /// Validates a run against the outcome events stored in the database.
    public init(run: ScoreRun, higherIsBetter: Bool, outcome: String, horizonDays: Int, database: Database) throws {
        guard let asOf = Day(iso: run.asOf) else { throw HostError.invalidAsOf(runID: run.id) }
        let end = asOf.adding(days: horizonDays)
        var firstEvent: [String: String] = [:]
        try database.makeStatement(
            """
            SELECT a.external_id, min(o.event_date) FROM outcomes o
            JOIN accounts a ON a.id = o.account_id WHERE o.event = ? GROUP BY a.external_id
            """
        ).forEach([.text(outcome)]) { row in
            if let id = row.text(0), let day = row.text(1) { firstEvent[id] = day }
        }
        let results = try ScoreRunStore(database: database).values(runID: run.id)
        var scores: [Double] = [], labels: [Bool] = [], bands: [String] = []
        var excluded = 0
        for result in results {
            if let day = firstEvent[result.accountID].flatMap(Day.init(iso:)), day <= asOf {
                excluded += 1
                continue
            }
            let happened = firstEvent[result.accountID].flatMap(Day.init(iso:)).map { $0 > asOf && $0 <= end } ?? false
            scores.append(higherIsBetter ? -result.value : result.value)
            labels.append(happened)
            bands.append(result.band)
        }
        guard let auc = ROC.auc(scores: scores, labels: labels) else {
            let positives = labels.filter { $0 }.count
            throw positives == 0
                ? HostError.noOutcomes(
                    outcome: outcome, horizonDays: horizonDays, asOf: run.asOf, accounts: labels.count, runID: run.id)
                : HostError.onlyOutcomes(outcome: outcome, runID: run.id)
        }
        self.run = run
        self.outcome = outcome
        self.horizonDays = horizonDays
        self.accounts = labels.count
        self.positives = labels.filter { $0 }.count
        self.excludedBefore = excluded
        self.auc = auc
        self.curve = ROC.curve(scores: scores, labels: labels)
        // Deciles from the riskiest tenth down.
        let order = scores.indices.sorted { scores[$0] > scores[$1] }
        deciles = (0..<10).compactMap { decile in
            let slice = order[(decile * order.count / 10)..<((decile + 1) * order.count / 10)]
            guard !slice.isEmpty else { return nil }
            return Bucket(
                label: "decile \(decile + 1)", accounts: slice.count, outcomes: slice.filter { labels[$0] }.count)
        }
        var byBand: [String: (Int, Int)] = [:]
        for index in labels.indices {
            byBand[bands[index], default: (0, 0)].0 += 1
            if labels[index] { byBand[bands[index], default: (0, 0)].1 += 1 }
        }
        self.bands = byBand.map { Bucket(label: $0.key, accounts: $0.value.0, outcomes: $0.value.1) }
            .sorted { $0.rate > $1.rate }
    }

    /// The plain-language verdict, with the 0.70 and 0.85 warnings of SCORING.md.
    public var verdict: String {
        let value = Figures.fixed(auc, decimals: 3)
        if auc < 0.5 { return "AUC \(value): worse than chance; the score points the wrong way for \(outcome)" }
        if auc < 0.7 {
            return "AUC \(value): warning, barely better than chance (below 0.70); revisit the signals and weights"
        }
        if auc > 0.85 {
            return
                "AUC \(value): warning, suspiciously good (above 0.85); check for leakage such as billing "
                + "status in the signals"
        }
        return "AUC \(value): the score separates accounts that had \(outcome) from those that did not"
    }

    /// The validation as text (its tables fitted to `width`), CSV (the deciles' and bands' rows) or JSON.
    public func render(_ format: OutputFormat, width: Int? = nil) -> String {
        func lift(_ bucket: Bucket) -> Double { baseRate > 0 ? bucket.rate / baseRate : 0 }
        if format == .json {
            func buckets(_ list: [Bucket]) -> String {
                "["
                    + list.map { bucket in
                        JSONText.object([
                            ("label", JSONText.string(bucket.label)), ("accounts", String(bucket.accounts)),
                            ("outcomes", String(bucket.outcomes)), ("rate", JSONText.number(bucket.rate)),
                            ("lift", JSONText.number(lift(bucket))),
                        ])
                    }.joined(separator: ",") + "]"
            }
            return JSONText.object(
                Listing.members(of: run) + [
                    ("outcome", JSONText.string(outcome)), ("horizon_days", String(horizonDays)),
                    ("accounts", String(accounts)),
                    ("outcomes", String(positives)), ("excluded_already_lost", String(excludedBefore)),
                    ("auc", JSONText.number(auc)), ("verdict", JSONText.string(verdict)),
                    ("deciles", buckets(deciles)), ("bands", buckets(bands)),
                ])
        }
        if format == .csv {
            var listing = Listing(
                columns: ["part", "bucket", "accounts", "outcomes", "rate", "lift"], numeric: [2, 3, 4, 5])
            for (part, list) in [("decile", deciles), ("band", bands)] {
                listing.rows += list.map { bucket in
                    [
                        part, bucket.label, String(bucket.accounts), String(bucket.outcomes),
                        JSONText.number(bucket.rate),
                        JSONText.number(lift(bucket)),
                    ]
                }
            }
            return listing.render(.csv)
        }
        var lines = [
            "\(run.scoreName) run \(run.id) as of \(run.asOf) against \(outcome) within \(horizonDays) days: "
                + "\(positives) of \(accounts) accounts (\(Figures.fixed(baseRate * 100))%); \(excludedBefore) "
                + "already lost before, excluded",
            verdict, "",
        ]
        for (title, list) in [("Outcome rate by decile, riskiest first:", deciles), ("Outcome rate by band:", bands)] {
            lines.append(title)
            var table = TextTable(
                columns: ["bucket", "accounts", "outcomes", "rate %", "lift"], numeric: [1, 2, 3, 4])
            for bucket in list {
                table.rows.append([
                    bucket.label, String(bucket.accounts), String(bucket.outcomes),
                    Figures.fixed(bucket.rate * 100), Figures.fixed(lift(bucket), decimals: 2),
                ])
            }
            lines.append(table.render(width: width))
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }
}
