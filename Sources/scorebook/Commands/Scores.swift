import ArgumentParser
import Host

/// `scorebook scores`: the named scores, their last run and whether it is stale.
struct Scores: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the named scores with their last run and staleness.")

    @OptionGroup var global: GlobalOptions

    @Option(help: "Output: table, csv or json.")
    var format: OutputFormat = .table

    func run() throws {
        let workspace = global.workspace
        let configuration = try workspace.loadConfiguration()
        let database = try workspace.openDatabase(create: true)
        Terminal.show(try ScoreStatus(configuration: configuration, database: database).listing(), as: format)
        // The sources' freshness is a second table; scripts read it from `sync --status --format`.
        guard format == .table, !configuration.sources.isEmpty else { return }
        let sources = try SourceFreshness(configuration: configuration, database: database).table()
        print()
        print(sources.render(width: Terminal.outputWidth))
    }
}
