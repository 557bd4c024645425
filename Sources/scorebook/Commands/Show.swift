import ArgumentParser
import Host

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
        let runs = RunArchive(database: try global.workspace.openDatabase(), configured: global.configuredNames)
        let run = try runs.run(name, id: runID)
        Terminal.show(ResultRenderer(run: run, results: try runs.results(of: run, band: band, limit: top)), as: format)
    }
}
