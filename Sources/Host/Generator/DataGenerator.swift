import Foundation
import ScoreKit

/// Writes a deterministic synthetic B2B SaaS data set as the CSV files `scorebook import` reads.
///
/// Each account has a hidden health that drives what the files show: payment lateness, usage, tickets, NPS,
/// assessments, expansion and churn. Scores have something real to find, and validation has outcomes to find it by.
public struct DataGenerator {
    /// What to generate.
    public struct Options: Sendable {
        public var accounts: Int
        public var seed: UInt64
        /// The last day of the data; the natural as-of day for a demo.
        public var endDay: Day
        /// Months of invoices before the end day.
        public var months: Int
        /// Days of usage before the end day.
        public var usageDays: Int

        /// Options with the usual defaults: 24 months of invoices, 90 days of usage, ending 2026-10-31.
        public init(accounts: Int, seed: UInt64, endDay: Day = DataGenerator.defaultEndDay, months: Int = 24, usageDays: Int = 90) {
            self.accounts = accounts
            self.seed = seed
            self.endDay = endDay
            self.months = months
            self.usageDays = usageDays
        }
    }

    /// The generated files, in the order they must be imported (accounts first).
    public static let files: [(kind: ImportKind, file: String)] = [
        (.accounts, "accounts.csv"), (.invoices, "invoices.csv"), (.mrr, "mrr.csv"), (.usage, "usage.csv"),
        (.tickets, "tickets.csv"), (.nps, "nps.csv"), (.assessments, "assessments.csv"), (.outcomes, "outcomes.csv"),
    ]

    /// The default last day of generated data.
    public static let defaultEndDay = Day(year: 2026, month: 10, day: 31) ?? Day(ordinal: 0)

    let options: Options

    /// Creates a generator.
    public init(options: Options) { self.options = options }

    /// Writes the files into `directory` (created if needed); returns the rows written per kind.
    public func write(to directory: String) throws -> [(kind: ImportKind, rows: Int)] {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let writers = try Writers(directory: directory)
        var random = SeededRandom(seed: options.seed)
        for index in 1...max(1, options.accounts) {
            var account = SyntheticAccount(index: index, options: options, random: &random)
            try account.write(to: writers, random: &random)
        }
        return try writers.close()
    }
}

/// The eight CSV files being written.
final class Writers {
    let accounts, invoices, mrr, usage, tickets, nps, assessments, outcomes: CSVWriter

    init(directory: String) throws {
        func path(_ kind: ImportKind) -> String {
            directory + "/" + (DataGenerator.files.first { $0.kind == kind }?.file ?? "\(kind.rawValue).csv")
        }
        accounts = try CSVWriter(path: path(.accounts), header: [
            "account_id", "name", "domain", "industry", "employees", "country", "created_date", "parent_id", "referred_by",
            "acquisition_cost_cents", "yearly_cost_cents",
        ])
        invoices = try CSVWriter(path: path(.invoices), header: [
            "invoice_id", "account_id", "issued_date", "due_date", "paid_date", "amount_due_cents", "amount_paid_cents",
            "currency", "status", "product",
        ])
        mrr = try CSVWriter(path: path(.mrr), header: ["change_id", "account_id", "effective_date", "mrr_cents", "change_type"])
        usage = try CSVWriter(path: path(.usage), header: ["account_id", "day", "active_users", "key_feature_uses"])
        tickets = try CSVWriter(path: path(.tickets), header: ["ticket_id", "account_id", "opened_at", "closed_at", "priority", "status"])
        nps = try CSVWriter(path: path(.nps), header: ["response_id", "account_id", "responded_date", "score"])
        assessments = try CSVWriter(path: path(.assessments), header: ["account_id", "item", "answer", "author", "assessed_date"])
        outcomes = try CSVWriter(path: path(.outcomes), header: ["account_id", "event", "event_date"])
    }

    func close() throws -> [(kind: ImportKind, rows: Int)] {
        let all: [(ImportKind, CSVWriter)] = [
            (.accounts, accounts), (.invoices, invoices), (.mrr, mrr), (.usage, usage), (.tickets, tickets), (.nps, nps),
            (.assessments, assessments), (.outcomes, outcomes),
        ]
        for (_, writer) in all { try writer.close() }
        return all.map { ($0.0, $0.1.rows) }
    }
}
