import ArgumentParser
import Host
import Store

/// `scorebook compare A B`: two scores, or one score at two runs or dates, from the stored runs.
struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare two stored runs: two scores (NAME NAME), or one over time (NAME@RUN NAME@RUN, NAME@DATE).",
        discussion: "Reads stored runs only; nothing is recomputed. NAME is the latest run, NAME@ID a run, NAME@YYYY-MM-DD "
            + "the latest run as of that day.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The first run: NAME, NAME@RUN or NAME@YYYY-MM-DD.")
    var first: String

    @Argument(help: "The second run.")
    var second: String

    @Option(help: "Accounts listed per section.")
    var top: Int = 10

    @Option(help: "table, csv (per-account pairs) or json.")
    var format: OutputFormat = .table

    func validate() throws {
        guard top >= 1 else { throw ValidationError("--top must be at least 1") }
    }

    func run() throws {
        let store = ScoreRunStore(database: try global.workspace.openDatabase())
        let configured = global.configuredNames
        let a = try RunReference(first).resolve(in: store, configured: configured)
        let b = try RunReference(second).resolve(in: store, configured: configured)
        guard a.id != b.id else { throw CleanError("both sides name run \(a.id); compare two different runs") }
        Terminal.show(ComparisonRenderer(comparison: try Comparison(first: a, second: b, store: store), limit: top), as: format)
    }
}
