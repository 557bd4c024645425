import ArgumentParser
import Host
import Store

/// `scorebook show NAME`: a run's results, best first.
struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show a score's results: the last run, or --run ID.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The named score, or NAME@RUN / NAME@YYYY-MM-DD for a given run.")
    var name: String

    @Option(name: .customLong("run"), help: "A run id (default: the last run).")
    var runID: Int64?

    @Option(help: "Only accounts in this band (or RFM segment).")
    var band: String?

    @Option(help: "Only the first N accounts.")
    var top: Int?

    @Option(help: "table, csv or json.")
    var format: OutputFormat = .table

    func validate() throws {
        if let top, top < 1 { throw ValidationError("--top must be at least 1") }
    }

    func run() throws {
        let database = try global.workspace.openDatabase()
        let store = ScoreRunStore(database: database)
        let stored = try RunLookup(store: store, configured: global.configuredNames).run(of: name, id: runID)
        let results = try store.results(runID: stored.id, band: band, limit: top)
        Terminal.show(ResultRenderer(run: stored, results: results), as: format)
    }
}

/// Finds the run a command refers to: `--run ID` wins, else the reference (`NAME`, `NAME@ID`, `NAME@DATE`).
struct RunLookup {
    let store: ScoreRunStore
    /// The configured score names, to answer a mistyped one.
    var configured: [String]?

    func run(of name: String, id: Int64?) throws -> ScoreRun {
        let reference = RunReference(name)
        if let id { return try RunReference("\(reference.scoreName)@\(id)").resolve(in: store, configured: configured) }
        return try reference.resolve(in: store, configured: configured)
    }
}

/// A failure said in one line.
struct CleanError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
