import Connectors
import ScoreKit
import Store

/// The calibration-versus-holdout check of a purchase-count model (the `lifetimes` libraries' usual table): fit as of
/// a day N days back with a horizon of N days, then compare each account's expected purchases with its actual
/// purchase days in those N days, by the frequency it had at calibration.
public struct HoldoutCheck {
    /// Accounts with the same calibration frequency: how many, and mean predicted and actual purchases.
    public struct Group: Sendable {
        public let frequency: String
        public let accounts: Int
        public let predicted: Double
        public let actual: Double
    }

    public let calibrationDay: Day
    public let endDay: Day
    public let groups: [Group]
    public let meanAbsoluteError: Double
    public let accounts: Int

    /// Runs the score with horizon `holdoutDays` as of `endDay - holdoutDays` and compares with what happened.
    public init(score: NamedScore, holdoutDays: Int, endDay: Day, database: Database, file: String) throws {
        guard score.module == "clv" else {
            throw HostError.holdoutNeedsCLV(score: score.name, module: score.module)
        }
        let calibrated = try Self.score(score, horizonDays: holdoutDays, file: file)
        let calibrationDay = endDay.adding(days: -holdoutDays)
        let summary = try ScoreRunner(database: database).run(calibrated, asOf: calibrationDay, kind: .holdout)
        let results = try ScoreRunStore(database: database).results(runID: summary.runID)

        var actual: [String: Int] = [:]
        try database.makeStatement(
            """
            SELECT a.external_id, count(DISTINCT i.issued_date) FROM invoices i JOIN accounts a ON a.id = i.account_id
            WHERE i.status = 'paid' AND i.issued_date > ? AND i.issued_date <= ? GROUP BY a.external_id
            """
        ).forEach([.text(calibrationDay.description), .text(endDay.description)]) { row in
            actual[row.text(0) ?? ""] = Int(row.integer(1))
        }
        var byFrequency: [Int: (count: Int, predicted: Double, actual: Double)] = [:]
        var absoluteError = 0.0
        for result in results {
            let predicted = result.detail("expected_purchases")?.number ?? 0
            let frequency = min(7, Int(result.detail("frequency")?.number ?? 0))
            let happened = Double(actual[result.accountID] ?? 0)
            absoluteError += abs(predicted - happened)
            byFrequency[frequency, default: (0, 0, 0)].count += 1
            byFrequency[frequency, default: (0, 0, 0)].predicted += predicted
            byFrequency[frequency, default: (0, 0, 0)].actual += happened
        }
        self.calibrationDay = calibrationDay
        self.endDay = endDay
        self.accounts = results.count
        self.meanAbsoluteError = results.isEmpty ? 0 : absoluteError / Double(results.count)
        self.groups = byFrequency.keys.sorted().compactMap { key in
            guard let group = byFrequency[key], group.count > 0 else { return nil }
            return Group(
                frequency: key == 7 ? "7+" : String(key), accounts: group.count,
                predicted: group.predicted / Double(group.count), actual: group.actual / Double(group.count))
        }
    }

    /// The score with its settings but a horizon of `horizonDays`: its canonical settings written back as a
    /// configuration (JSON is YAML) and parsed again.
    static func score(_ score: NamedScore, horizonDays: Int, file: String) throws -> NamedScore {
        var settings = JSONReader.object(Array(score.canonicalConfiguration.utf8)) ?? [:]
        settings["horizon_days"] = horizonDays
        settings["module"] = score.module
        let yaml = String(decoding: CanonicalJSON.bytes(["scores": [score.name: settings]]), as: UTF8.self)
        return try ScorebookConfiguration.parse(yaml: yaml, file: file).score(named: score.name)
    }

    /// The table as text, fitted to `width`.
    public func render(width: Int? = nil) -> String {
        var table = TextTable(columns: ["frequency", "accounts", "predicted", "actual"], numeric: [1, 2, 3])
        for group in groups {
            table.rows.append([
                group.frequency, String(group.accounts), Figures.fixed(group.predicted, decimals: 3),
                Figures.fixed(group.actual, decimals: 3),
            ])
        }
        return
            "calibration up to \(calibrationDay), holdout \(calibrationDay.adding(days: 1)) to \(endDay): "
            + "\(accounts) accounts, "
            + "mean absolute error \(Figures.fixed(meanAbsoluteError, decimals: 3)) purchases per account\n"
            + "Mean purchases in the holdout by calibration frequency:\n" + table.render(width: width)
    }
}
