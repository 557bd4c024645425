import Connectors
import Foundation
import Store

/// Syncs the configured sources named (all when none are), reading tokens from the environment.
public struct SyncService {
    private let configuration: ScorebookConfiguration
    private let database: Database

    /// Creates the service.
    public init(configuration: ScorebookConfiguration, database: Database) {
        self.configuration = configuration
        self.database = database
    }

    /// Runs the sync; returns what it did, from the log entries written.
    public func sync(
        names: [String], full: Bool, reconcile: Bool = false, options: SyncOptions = SyncOptions(),
        environment: [String: String] = ProcessInfo.processInfo.environment, progress: @escaping (String) -> Void,
        warning: @escaping (String) -> Void = { _ in }
    ) throws -> SyncSummary {
        let chosen = try configuration.sources(named: names)
        guard !chosen.isEmpty else {
            throw ConfigError(file: configuration.file, line: nil, message: "no `sources:` configured to sync")
        }
        let settings = try chosen.map { try $0.settings(environment: environment, file: configuration.file) }
        let billing = configuration.sources.filter(\.kind.isBilling).map(\.name)
        let crm = configuration.sources.filter { !$0.kind.isBilling }.map(\.name)
        let entries = try Syncer(database: database, options: options.http).sync(
            settings, full: full, linking: (billing, crm), reconcile: reconcile, progress: progress, warning: warning)
        return SyncSummary(entries: entries)
    }

    /// Billing and CRM accounts that are not linked to the other side.
    public func unlinked() throws -> [(source: String, id: String, name: String)] {
        let billing = configuration.sources.filter(\.kind.isBilling).map(\.name)
        let crm = configuration.sources.filter { !$0.kind.isBilling }.map(\.name)
        return try IdentityStore(database: database).unlinked(billingSources: billing, crmSources: crm)
    }
}
