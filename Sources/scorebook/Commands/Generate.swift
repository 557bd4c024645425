import ArgumentParser
import Generator
import Host
import ScoreKit

/// `scorebook generate`: write a deterministic synthetic data set as CSV files.
struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a deterministic synthetic B2B SaaS data set as CSV files.")

    @Option(help: "Number of accounts.")
    var accounts: Int = 1_000

    @Option(help: "Random seed; the same seed writes the same files.")
    var seed: UInt64 = 42

    @Option(help: "The folder to write into.")
    var out: String

    @Option(help: "The last day of the data, YYYY-MM-DD.")
    var end: Day = DataGenerator.defaultEndDay

    @Option(help: "Days of daily usage to write.")
    var usageDays: Int = 90

    func validate() throws {
        guard accounts >= 1 else { throw ValidationError("--accounts must be at least 1") }
        guard usageDays >= 0 else { throw ValidationError("--usage-days must not be negative") }
    }

    func run() throws {
        let options = DataGenerator.Options(accounts: accounts, seed: seed, endDay: end, usageDays: usageDays)
        let counts = try DataGenerator(options: options).write(to: out)
        for (kind, rows) in counts {
            print("\(out)/\(kind.rawValue == "mrr" ? "mrr" : kind.rawValue).csv: \(rows) rows")
        }
    }
}
