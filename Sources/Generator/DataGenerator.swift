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
        public init(
            accounts: Int, seed: UInt64, endDay: Day = DataGenerator.defaultEndDay, months: Int = 24,
            usageDays: Int = 90
        ) {
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
        (.contacts, "contacts.csv"),
    ]

    /// The default last day of generated data.
    public static let defaultEndDay = Day(year: 2026, month: 10, day: 31) ?? Day(ordinal: 0)

    let options: Options

    /// Creates a generator.
    public init(options: Options) { self.options = options }

    /// Writes the files into `directory` (created if needed); returns the rows written per kind.
    public func write(to directory: String) throws -> [(kind: ImportKind, rows: Int)] {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let files = try CSVFiles(directory: directory)
        try generate(into: files)
        return try files.close()
    }

    /// Generates every record into a sink, account by account.
    public func generate(into sink: some GeneratorSink) throws {
        var random = SeededRandom(seed: options.seed)
        for index in 1...max(1, options.accounts) {
            var account = SyntheticAccount(index: index, options: options, random: &random)
            try account.write(to: sink, random: &random)
        }
    }

    /// The columns of each kind's records, in field order.
    public static func header(for kind: ImportKind) -> [String] {
        switch kind {
        case .accounts:
            return [
                "account_id", "name", "domain", "industry", "employees", "country", "created_date", "parent_id",
                "referred_by", "acquisition_cost_cents", "yearly_cost_cents",
            ]
        case .invoices:
            return [
                "invoice_id", "account_id", "issued_date", "due_date", "paid_date", "amount_due_cents",
                "amount_paid_cents", "currency", "status", "product",
            ]
        case .mrr: return ["change_id", "account_id", "effective_date", "mrr_cents", "change_type"]
        case .usage: return ["account_id", "day", "active_users", "key_feature_uses"]
        case .tickets: return ["ticket_id", "account_id", "opened_at", "closed_at", "priority", "status"]
        case .nps: return ["response_id", "account_id", "responded_date", "score"]
        case .assessments: return ["account_id", "item", "answer", "author", "assessed_date"]
        case .outcomes: return ["account_id", "event", "event_date"]
        case .contacts: return ["contact_id", "account_id", "name", "email", "is_primary", "last_activity_date"]
        }
    }
}

/// Where generated records go: CSV files, or the Sandbox's memory.
public protocol GeneratorSink {
    /// Receives one record of a kind, its fields in `DataGenerator.header(for:)` order.
    func write(_ kind: ImportKind, _ fields: [String]) throws
}

/// The eight CSV files being written.
final class CSVFiles: GeneratorSink {
    private var writers: [ImportKind: CSVWriter] = [:]

    init(directory: String) throws {
        for (kind, file) in DataGenerator.files {
            writers[kind] = try CSVWriter(path: directory + "/" + file, header: DataGenerator.header(for: kind))
        }
    }

    func write(_ kind: ImportKind, _ fields: [String]) throws {
        try writers[kind]?.write(fields)
    }

    func close() throws -> [(kind: ImportKind, rows: Int)] {
        try DataGenerator.files.map { kind, _ in
            guard let writer = writers[kind] else { return (kind, 0) }
            try writer.close()
            return (kind, writer.rows)
        }
    }
}
