import ArgumentParser
import Host

/// `scorebook compare A B`: two scores, or one score at two runs or dates, from the stored runs.
struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare two stored runs: two scores (NAME NAME), or one over time (NAME@RUN NAME@RUN, NAME@DATE).",
        discussion:
            "Reads stored runs only; nothing is recomputed. NAME is the latest run, NAME@ID a run, NAME@YYYY-MM-DD "
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
        let runs = RunArchive(database: try global.workspace.openDatabase(), configured: global.configuredNames)
        let comparison = try runs.comparison(of: first, and: second)
        Terminal.show(ComparisonRenderer(comparison: comparison, limit: top), as: format)
    }
}
