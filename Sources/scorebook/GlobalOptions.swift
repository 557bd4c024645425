import ArgumentParser
import Host
import ScoreKit

/// Options every command takes: where the database and the configuration are.
struct GlobalOptions: ParsableArguments {
    @Option(
        name: .customLong("db"),
        help: "An SQLite file or a postgresql:// URI (env SCOREBOOK_DB; default scorebook.db).")
    var database: String?

    @Option(
        name: .customLong("config"),
        help: "The configuration file (env SCOREBOOK_CONFIG; default config/scorebook.yml).")
    var configuration: String?

    /// The workspace these options name.
    var workspace: Workspace { Workspace(database: database, configuration: configuration) }

    /// The score names the configuration holds, to answer a mistyped name; nil when it cannot be read.
    var configuredNames: [String]? { try? workspace.loadConfiguration().scores.map(\.name) }
}

extension OutputFormat: ExpressibleByArgument {}

extension RequestedRunKind: ExpressibleByArgument {}

extension Day: ExpressibleByArgument {
    public init?(argument: String) { self.init(iso: argument) }
}
