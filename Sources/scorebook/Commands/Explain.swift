import ArgumentParser
import Host
import Store

/// `scorebook explain NAME ACCOUNT`: why an account has its score.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Explain one account's score: each signal's raw value, scale, weight and part.")

    @OptionGroup var global: GlobalOptions

    @Argument(
        help: "The named score, NAME@RUN / NAME@YYYY-MM-DD for a given run, or NAME@RUN1..RUN2 / NAME@DATE1..DATE2.")
    var name: String

    @Argument(help: "The account's id.")
    var account: String

    @Option(name: .customLong("run"), help: "A run id (default: the last run).")
    var runID: Int64?

    @Option(help: "table, csv or json.")
    var format: OutputFormat = .table

    /// The two ends of `NAME@A..B`, as `NAME@A` and `NAME@B`; nil for a single run.
    private var span: (String, String)? {
        let reference = RunReference(name)
        guard let selector = reference.selector, let dots = selector.range(of: "..") else { return nil }
        return (
            "\(reference.scoreName)@\(selector[..<dots.lowerBound])",
            "\(reference.scoreName)@\(selector[dots.upperBound...])"
        )
    }

    func validate() throws {
        if span != nil && runID != nil { throw ValidationError("--run cannot be used with NAME@RUN1..RUN2") }
    }

    func run() throws {
        let database = try global.workspace.openDatabase()
        let store = ScoreRunStore(database: database)
        let lookup = RunLookup(store: store, configured: global.configuredNames)
        if let (from, to) = span {
            let (firstRun, first) = try result(in: lookup.run(of: from, id: nil), store: store)
            let (secondRun, second) = try result(in: lookup.run(of: to, id: nil), store: store)
            Terminal.show(
                ExplanationChange(firstRun: firstRun, first: first, secondRun: secondRun, second: second), as: format)
            return
        }
        let (stored, result) = try result(in: lookup.run(of: name, id: runID), store: store)
        Terminal.show(Explanation(run: stored, result: result), as: format)
    }

    private func result(in stored: ScoreRun, store: ScoreRunStore) throws -> (ScoreRun, StoredResult) {
        guard let result = try store.results(runID: stored.id, accountID: account).first else {
            throw CleanError(
                "account \"\(account)\" is not in run \(stored.id) of \(stored.scoreName) "
                    + "(not scored as of \(stored.asOf), or unknown)")
        }
        return (stored, result)
    }
}
