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
    /// configuration (JSON is YAML) and parsed again; its `where:` filter and roll-up kept, so the check scores the
    /// accounts the score does.
    static func score(_ score: NamedScore, horizonDays: Int, file: String) throws -> NamedScore {
        var settings = JSONReader.object(Array(score.canonicalConfiguration.utf8)) ?? [:]
        settings["horizon_days"] = horizonDays
        settings["module"] = score.module
        let yaml = Self.yaml(CanonicalJSON.bytes(["scores": [score.name: settings]]))
        var calibrated = try ScorebookConfiguration.parse(yaml: yaml, file: file).score(named: score.name)
        calibrated.segment = score.segment
        calibrated.rollup = score.rollup
        return calibrated
    }

    /// JSON text that YAML reads as the same value: JSON leaves in its strings characters that YAML takes for line
    /// breaks (U+0085, U+2028, U+2029) or does not allow in a file (DEL, the C1 controls, U+FEFF, U+FFFE, U+FFFF), so
    /// those are escaped as `\uXXXX`, which both read alike.
    private static func yaml(_ json: [UInt8]) -> String {
        var text = String.UnicodeScalarView()
        for scalar in String(decoding: json, as: UTF8.self).unicodeScalars {
            switch scalar.value {
            case 0x7F...0x9F, 0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF:
                let hex = String(scalar.value, radix: 16)
                text.append(contentsOf: "\\u\(String(repeating: "0", count: 4 - hex.count))\(hex)".unicodeScalars)
            default:
                text.append(scalar)
            }
        }
        return String(text)
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
