import ArgumentParser
import Host

/// `scorebook tune export NAME`: the score's weights, bands and grids in force, as CSV.
struct TuneExport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a score's weights, bands and grids in force (defaults included) as CSV.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The named score.")
    var name: String

    @Option(help: "The CSV file to write (default: standard output).")
    var out: String?

    @Option(help: "csv (default), or table or json to look at the same rows.")
    var format: OutputFormat = .csv

    func validate() throws {
        if out != nil && format != .csv { throw ValidationError("--out writes CSV; leave out --format") }
    }

    func run() throws {
        let tunables = try TuningExport.tunables(score: name, configurationPath: global.workspace.configurationPath)
        guard let out else {
            Terminal.show(TuningSheet.listing(score: name, tunables: tunables), as: format)
            return
        }
        try FileWriting.write(TuningSheet.render(score: name, tunables: tunables), to: out)
        let rows = tunables.map(\.entries.count).reduce(0, +)
        print("\(out): \(rows) rows in \(tunables.count) settings of score \(name)")
    }
}
