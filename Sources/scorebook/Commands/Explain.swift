import ArgumentParser
import Host

/// `scorebook explain NAME ACCOUNT`: why an account has its score.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Explain one account's score: each signal's raw value, scale, weight and part.")

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
        let runs = RunArchive(database: try global.workspace.openDatabase(), configured: global.configuredNames)
        if let (from, to) = span {
            let firstRun = try runs.run(from)
            let secondRun = try runs.run(to)
            let change = ExplanationChange(
                firstRun: firstRun, first: try runs.result(of: account, in: firstRun),
                secondRun: secondRun, second: try runs.result(of: account, in: secondRun))
            Terminal.show(change, as: format)
            return
        }
        let run = try runs.run(name, id: runID)
        Terminal.show(Explanation(run: run, result: try runs.result(of: account, in: run)), as: format)
    }
}
