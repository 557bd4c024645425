import ArgumentParser
import Host
import Store

/// `scorebook explain NAME ACCOUNT`: why an account has its score.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Explain one account's score: each signal's raw value, scale, weight and part.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The named score, or NAME@RUN / NAME@YYYY-MM-DD for a given run.")
    var name: String

    @Argument(help: "The account's id.")
    var account: String

    @Option(name: .customLong("run"), help: "A run id (default: the last run).")
    var runID: Int64?

    @Option(help: "table, csv or json.")
    var format: OutputFormat = .table

    func run() throws {
        let database = try global.workspace.openDatabase()
        let store = ScoreRunStore(database: database)
        let stored = try RunLookup(store: store, configured: global.configuredNames).run(of: name, id: runID)
        guard let result = try store.results(runID: stored.id, accountID: account).first else {
            throw CleanError("account \"\(account)\" is not in run \(stored.id) of \(name) (not scored as of \(stored.asOf), or unknown)")
        }
        print(Explanation(run: stored, result: result).render(format))
    }
}
