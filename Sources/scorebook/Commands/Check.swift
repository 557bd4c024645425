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
        // Each score's warnings, with the bands its last current run (made with this configuration) left empty.
        let warnings = try ScoreWarnings.of(configuration, in: global.workspace)
        let count = warnings.joined().count
        guard format == .table else {
            var listing = Listing(columns: ["score", "module", "facts", "configuration", "warnings"], numeric: [2])
            listing.rows = zip(configuration.scores, warnings).map { score, warnings in
                [
                    score.name, score.module, String(score.facts.count), score.configurationHash,
                    warnings.joined(separator: "; "),
                ]
            }
            listing.fields = [("file", .text(configuration.file)), ("warnings", .number(Double(count)))]
            Terminal.show(listing, as: format)
            return
        }
        for (score, warnings) in zip(configuration.scores, warnings) {
            print(
                "\(score.name) (\(score.module)): ok, \(score.facts.count) facts, configuration "
                    + "\(score.configurationHash)"
            )
            for warning in warnings {
                print("  warning: \(warning)")
            }
        }
        print("\(configuration.file): \(configuration.scores.count) scores, \(count) warnings")
    }
}
