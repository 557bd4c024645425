import Connectors
import Foundation
import Store

extension ActionRunner {
    /// A runner for `scorebook act`: HubSpot tasks go through the configured sources whose tokens are set, and a
    /// receiver has `timeoutSeconds` to answer each of the three tries.
    public init(
        database: Database, configuration: ScorebookConfiguration, timeoutSeconds: Int,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        let sources = Dictionary(
            configuration.sources.compactMap { source in
                (try? source.settings(environment: environment, file: configuration.file)).map { (source.name, $0) }
            },
            uniquingKeysWith: { first, _ in first })
        var options = ActionRunner.defaultOptions
        options.totalTimeoutMilliseconds = timeoutSeconds * 1_000
        self.init(database: database, environment: environment, options: options, sources: sources)
    }
}
