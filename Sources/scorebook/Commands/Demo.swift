import ArgumentParser
import Foundation
import Generator
import Host
import Sandbox
import ScoreKit

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
        let runs = try demo.runArchive()
        var example: (score: String, account: String)?
        for summary in summaries {
            print()
            print(RunReport(summary: summary, seconds: 0).text.replacingOccurrences(of: " in 0.00 s", with: ""))
            guard let run = try runs.run(id: summary.runID) else { continue }
            let results = try runs.results(of: run, limit: top)
            if example == nil, let first = results.first { example = (run.scoreName, first.accountID) }
            Terminal.show(ResultRenderer(run: run, results: results), as: .table)
        }
        if let value = summaries.first(where: { $0.scoreName == "rfm" }) ?? summaries.first,
            let other = summaries.first(where: { $0.scoreName == "health" }) ?? summaries.dropFirst().first,
            let a = try runs.run(id: value.runID), let b = try runs.run(id: other.runID)
        {
            print()
            print("How do \(a.scoreName) and \(b.scoreName) agree? (scorebook compare \(a.scoreName) \(b.scoreName))")
            Terminal.show(ComparisonRenderer(comparison: try runs.comparison(a, b), limit: 5), as: .table)
        }
        try syncFromSandbox(demo)
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

    /// Starts the Sandbox and syncs its four APIs into databases of their own (HubSpot and Stripe, Salesforce and
    /// Chargebee), then runs the first value score on the synced HubSpot and Stripe data.
    private func syncFromSandbox(_ demo: Demo) throws {
        let server = try SandboxServer(
            port: 0, options: DataGenerator.Options(accounts: min(accounts, 500), seed: seed))
        let port = try server.startBlocking()
        let credentials = server.credentials
        let sandbox = SandboxAccess(
            url: "http://127.0.0.1:\(port)", hubspot: credentials.hubspot, stripe: credentials.stripe,
            salesforce: credentials.salesforce, chargebee: credentials.chargebee)
        guard let summary = try demo.syncFromSandbox(sandbox, report: { print($0) }) else { return }
        print(
            RunReport(summary: summary, seconds: 0).text.replacingOccurrences(of: " in 0.00 s", with: "")
                + " (synced data)")
    }
}
