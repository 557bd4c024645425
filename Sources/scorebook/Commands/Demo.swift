import ArgumentParser
import Connectors
import Foundation
import Generator
import Host
import Sandbox
import ScoreKit
import Store

/// `scorebook demo`: generate data, import it, run and show every configured score.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "A first look: generated data imported, every score run and shown, then a sync from the Sandbox.")

    @OptionGroup var global: GlobalOptions

    @Option(help: "Where the demo writes its data and database.")
    var directory: String = "demo"

    @Option(help: "Number of accounts to generate.")
    var accounts: Int = 1_000

    @Option(help: "Random seed.")
    var seed: UInt64 = 42

    @Option(help: "Accounts shown per score.")
    var top: Int = 5

    func run() throws {
        let configuration = try demoConfiguration()
        let demo = Demo(
            directory: directory, configuration: configuration,
            // Six months of usage, so a trained churn score sees usage trends 90 days back.
            options: DataGenerator.Options(accounts: accounts, seed: seed, usageDays: 180))
        let summaries = try demo.run { print($0) }
        let database = try Database(path: demo.databasePath)
        let store = ScoreRunStore(database: database)
        var example: (score: String, account: String)?
        for summary in summaries {
            print()
            print(RunReport(summary: summary, seconds: 0).text.replacingOccurrences(of: " in 0.00 s", with: ""))
            guard let run = try store.run(id: summary.runID) else { continue }
            let results = try store.results(runID: run.id, limit: top)
            if example == nil, let first = results.first { example = (run.scoreName, first.accountID) }
            Terminal.show(ResultRenderer(run: run, results: results), as: .table)
        }
        if let value = summaries.first(where: { $0.scoreName == "rfm" }) ?? summaries.first,
            let other = summaries.first(where: { $0.scoreName == "health" }) ?? summaries.dropFirst().first,
            let a = try store.run(id: value.runID), let b = try store.run(id: other.runID)
        {
            print()
            print("How do \(a.scoreName) and \(b.scoreName) agree? (scorebook compare \(a.scoreName) \(b.scoreName))")
            Terminal.show(ComparisonRenderer(comparison: try Comparison(first: a, second: b, store: store), limit: 5), as: .table)
        }
        try syncFromSandbox(configuration: configuration)
        if let example {
            print()
            let file = configuration.file == global.workspace.configurationPath ? "" : " --config \(configuration.file)"
            print("Explore it: scorebook explain --db \(demo.databasePath)\(file) \(example.score) \(example.account)")
        }
    }

    /// The workspace's configuration; where there is none (a folder other than the repository's), the starter
    /// configuration, written into the demo's directory so the commands it suggests find it.
    private func demoConfiguration() throws -> ScorebookConfiguration {
        let workspace = global.workspace
        guard !FileManager.default.fileExists(atPath: workspace.configurationPath),
            workspace.configurationPath == Workspace(database: nil, configuration: nil).configurationPath,
            global.configuration == nil
        else { return try workspace.loadConfiguration() }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = directory + "/scorebook.yml"
        try FileWriting.write(StarterConfiguration.text, to: path)
        return try ScorebookConfiguration.load(path: path)
    }

    /// Starts the Sandbox, syncs HubSpot and Stripe from it over loopback into `synced.db` (and Salesforce and
    /// Chargebee into a database of their own), and runs the first score.
    private func syncFromSandbox(configuration: ScorebookConfiguration) throws {
        let server = try SandboxServer(port: 0, options: DataGenerator.Options(accounts: min(accounts, 500), seed: seed))
        let port = try server.startBlocking()
        let url = "http://127.0.0.1:\(port)"
        let path = directory + "/synced.db"
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        let database = try Database(path: path)
        let sources = [
            SourceSettings(name: "hubspot", kind: .hubspot, baseURL: url, token: server.credentials.hubspot,
                           requestsPerSecond: 500, pageSize: 100, searchLagMilliseconds: 0),
            SourceSettings(name: "stripe", kind: .stripe, baseURL: url, token: server.credentials.stripe,
                           requestsPerSecond: 500, pageSize: 100),
        ]
        let started = Date()
        let entries = try Syncer(database: database).sync(sources, full: false, linking: (["stripe"], ["hubspot"])) { _ in }
        print()
        print("synced HubSpot and Stripe from the sandbox at \(url) into \(path) in \(Figures.seconds(Date().timeIntervalSince(started))):")
        for entry in entries where entry.records > 0 {
            print("  \(entry.source) \(entry.stream): \(entry.records) records in \(entry.pages) page\(entry.pages == 1 ? "" : "s")")
        }
        let unlinked = try IdentityStore(database: database).unlinked(billingSources: ["stripe"], crmSources: ["hubspot"])
        print("  identity: \(unlinked.count) accounts without a match on the other side (scorebook accounts --unlinked)")
        try syncSalesforceAndChargebee(server: server, url: url)
        guard let score = configuration.scores.first(where: { $0.module == "value" }) else { return }
        let summary = try ScoreRunner(database: database).run(score, asOf: DataGenerator.defaultEndDay)
        print(RunReport(summary: summary, seconds: 0).text.replacingOccurrences(of: " in 0.00 s", with: "") + " (synced data)")
    }

    /// Syncs Salesforce and Chargebee from the same Sandbox into a database of their own (the same accounts again, so
    /// they are not mixed with HubSpot's and Stripe's), and says what identity linked.
    private func syncSalesforceAndChargebee(server: SandboxServer, url: String) throws {
        let path = directory + "/synced-salesforce-chargebee.db"
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        let database = try Database(path: path)
        let sources = [
            SourceSettings(name: "salesforce", kind: .salesforce, baseURL: url, token: server.credentials.salesforce,
                           requestsPerSecond: 500, pageSize: 2_000),
            SourceSettings(name: "chargebee", kind: .chargebee, baseURL: url, token: server.credentials.chargebee,
                           requestsPerSecond: 500, pageSize: 100, linkField: "cf_salesforce_account_id"),
        ]
        let started = Date()
        let entries = try Syncer(database: database).sync(
            sources, full: false, linking: (["chargebee"], ["salesforce"])) { _ in }
        print("synced Salesforce and Chargebee from the sandbox into \(path) in "
            + "\(Figures.seconds(Date().timeIntervalSince(started))):")
        for entry in entries where entry.records > 0 {
            print("  \(entry.source) \(entry.stream): \(entry.records) records in \(entry.pages) page\(entry.pages == 1 ? "" : "s")")
        }
        let unlinked = try IdentityStore(database: database).unlinked(
            billingSources: ["chargebee"], crmSources: ["salesforce"])
        print("  identity: \(unlinked.count) accounts without a match on the other side")
    }
}
