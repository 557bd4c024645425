import Connectors
import Foundation
import Generator
import Store

extension Demo {
    /// Syncs HubSpot and Stripe from the Sandbox over loopback into `synced.db` and links them, then Salesforce and
    /// Chargebee into a database of their own, telling `report` each step.
    ///
    /// Returns the first value score's run on the synced HubSpot and Stripe data; nil when no value score is
    /// configured.
    public func syncFromSandbox(_ sandbox: SandboxAccess, report: (String) -> Void) throws -> RunSummary? {
        let path = directory + "/synced.db"
        let database = try Self.freshDatabase(at: path)
        let sources = [
            SourceSettings(
                name: "hubspot", kind: .hubspot, baseURL: sandbox.url, token: sandbox.hubspot, requestsPerSecond: 500,
                pageSize: 100, searchLagMilliseconds: 0),
            SourceSettings(
                name: "stripe", kind: .stripe, baseURL: sandbox.url, token: sandbox.stripe, requestsPerSecond: 500,
                pageSize: 100),
        ]
        let started = Date()
        let entries = try Syncer(database: database).sync(
            sources, full: false, linking: (["stripe"], ["hubspot"]), progress: { _ in })
        report("")
        report(
            "synced HubSpot and Stripe from the sandbox at \(sandbox.url) into \(path) in "
                + "\(Figures.seconds(Date().timeIntervalSince(started))):")
        Self.reportStreams(entries, report)
        let unlinked = try IdentityStore(database: database).unlinked(
            billingSources: ["stripe"], crmSources: ["hubspot"])
        report(
            "  identity: \(unlinked.count) accounts without a match on the other side (scorebook accounts --unlinked)")
        try syncSalesforceAndChargebee(sandbox, report: report)
        guard let score = configuration.scores.first(where: { $0.module == "value" }) else { return nil }
        return try ScoreRunner(database: database).run(score, asOf: DataGenerator.defaultEndDay)
    }

    /// Syncs Salesforce and Chargebee from the same Sandbox into a database of their own (the same accounts again, so
    /// they are not mixed with HubSpot's and Stripe's), and says what identity linked.
    private func syncSalesforceAndChargebee(_ sandbox: SandboxAccess, report: (String) -> Void) throws {
        let path = directory + "/synced-salesforce-chargebee.db"
        let database = try Self.freshDatabase(at: path)
        let sources = [
            SourceSettings(
                name: "salesforce", kind: .salesforce, baseURL: sandbox.url, token: sandbox.salesforce,
                requestsPerSecond: 500, pageSize: 2_000),
            SourceSettings(
                name: "chargebee", kind: .chargebee, baseURL: sandbox.url, token: sandbox.chargebee,
                requestsPerSecond: 500, pageSize: 100, linkField: "cf_salesforce_account_id"),
        ]
        let started = Date()
        let entries = try Syncer(database: database).sync(
            sources, full: false, linking: (["chargebee"], ["salesforce"]), progress: { _ in })
        report(
            "synced Salesforce and Chargebee from the sandbox into \(path) in "
                + "\(Figures.seconds(Date().timeIntervalSince(started))):")
        Self.reportStreams(entries, report)
        let unlinked = try IdentityStore(database: database).unlinked(
            billingSources: ["chargebee"], crmSources: ["salesforce"])
        report("  identity: \(unlinked.count) accounts without a match on the other side")
    }

    /// A new SQLite database at `path`, any earlier one (and its WAL files) removed first.
    private static func freshDatabase(at path: String) throws -> Database {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        return try Database(path: path)
    }

    /// A line per stream that brought records.
    private static func reportStreams(_ entries: [SyncLogEntry], _ report: (String) -> Void) {
        for entry in entries where entry.records > 0 {
            let pages = "\(entry.pages) page\(entry.pages == 1 ? "" : "s")"
            report("  \(entry.source) \(entry.stream): \(entry.records) records in \(pages)")
        }
    }
}
