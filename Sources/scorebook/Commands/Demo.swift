import ArgumentParser
import Host
import ScoreKit
import Store

/// `scorebook demo`: generate data, import it, run and show every configured score.
struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "A first look: generated data, imported, every score run and shown.")

    @OptionGroup var global: GlobalOptions

    @Option(help: "Where the demo writes its data and database.")
    var directory: String = "demo"

    @Option(help: "Number of accounts to generate.")
    var accounts: Int = 1_000

    @Option(help: "Random seed.")
    var seed: UInt64 = 42

    @Option(help: "Accounts shown per score.")
    var top: Int = 5

    func run() throws {
        let configuration = try global.workspace.loadConfiguration()
        let demo = Host.Demo(
            directory: directory, configuration: configuration,
            options: DataGenerator.Options(accounts: accounts, seed: seed))
        let summaries = try demo.run { print($0) }
        let database = try Database(path: demo.databasePath)
        let store = ScoreRunStore(database: database)
        var example: (score: String, account: String)?
        for summary in summaries {
            print()
            print(RunReport(summary: summary, seconds: 0).text.replacingOccurrences(of: " in 0.00 s", with: ""))
            guard let run = try store.run(id: summary.runID) else { continue }
            let results = try store.results(runID: run.id, limit: top)
            if example == nil, let first = results.first { example = (run.scoreName, first.accountID) }
            print(ResultRenderer(run: run, results: results).render(.table))
        }
        if let example {
            print()
            print("Explore it: scorebook explain --db \(demo.databasePath) \(example.score) \(example.account)")
        }
    }
}
