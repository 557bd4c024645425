import ArgumentParser
import Host

/// `scorebook check`: validate the configuration and print warnings.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Validate the configuration and print its warnings.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let configuration = try global.workspace.loadConfiguration()
        for score in configuration.scores {
            print("\(score.name) (\(score.module)): ok, \(score.facts.count) facts, configuration \(score.configurationHash)")
            for warning in score.warnings {
                print("  warning: \(warning)")
            }
        }
        print("\(configuration.file): \(configuration.scores.count) scores, \(configuration.scores.flatMap(\.warnings).count) warnings")
    }
}
