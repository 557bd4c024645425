import ArgumentParser
import Host

/// `scorebook check`: validate the configuration and print warnings.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Validate the configuration and print its warnings.")

    @OptionGroup var global: GlobalOptions

    @Option(help: "Output: table, csv or json.")
    var format: OutputFormat = .table

    func run() throws {
        let configuration = try global.workspace.loadConfiguration()
        guard format == .table else {
            var listing = Listing(columns: ["score", "module", "facts", "configuration", "warnings"], numeric: [2])
            listing.rows = configuration.scores.map { score in
                [score.name, score.module, String(score.facts.count), score.configurationHash,
                 score.warnings.joined(separator: "; ")]
            }
            listing.fields = [
                ("file", .text(configuration.file)),
                ("warnings", .number(Double(configuration.scores.flatMap(\.warnings).count))),
            ]
            print(listing.render(format))
            return
        }
        for score in configuration.scores {
            print("\(score.name) (\(score.module)): ok, \(score.facts.count) facts, configuration \(score.configurationHash)")
            for warning in score.warnings {
                print("  warning: \(warning)")
            }
        }
        print("\(configuration.file): \(configuration.scores.count) scores, \(configuration.scores.flatMap(\.warnings).count) warnings")
    }
}
