import Foundation
import Store
import Testing

/// Contacts, deals, tickets, subscriptions and invoices deleted past every retention window reach no incremental
/// sync; a reconciliation pass lists each stream's ids and retires the rows the sources no longer have.
struct StreamReconciliationTests {
    /// The health score beside the Sandbox's sources: its support signal counts tickets, its renewal one invoices.
    static let health = "\n  health:\n    module: health\n"
    static let asOf = ["--as-of", "2026-10-31"]

    /// The `deletes` of the latest reconcile rows of a source's streams, by stream.
    static func retired(_ path: String, _ source: String) throws -> [String: Int64] {
        var retired: [String: Int64] = [:]
        try Database(path: path).makeStatement(
            "SELECT stream, deletes FROM sync_log WHERE source = ? AND mode = 'reconcile' ORDER BY id"
        ).forEach([.text(source)]) { retired[$0.text(0) ?? ""] = $0.integer(1) }
        return retired
    }

    /// Runs health as of the Sandbox's last day and shows it as CSV (every account's score and components), less
    /// the run id, which differs between two databases.
    static func healthScores(_ scorebook: ScorebookProcess, _ common: [String]) throws -> String {
        let run = try scorebook.run(["run", "health"] + asOf + common)
        #expect(run.status == 0, "\(run.stderr)")
        let lines = try scorebook.run(["show", "health", "--format", "csv"] + common).stdout.split(separator: "\n")
        let header = lines.first?.split(separator: ",", omittingEmptySubsequences: false) ?? []
        guard let runColumn = header.firstIndex(of: "run") else { return lines.joined(separator: "\n") }
        return lines.map { line in
            var fields = line.split(separator: ",", omittingEmptySubsequences: false)
            if fields.indices.contains(runColumn) { fields.remove(at: runColumn) }
            return fields.joined(separator: ",")
        }.joined(separator: "\n")
    }

    @Test(arguments: Engine.allCases)
    func purgedHubSpotContactsDealsAndTicketsAreRemovedCountedAndNoLongerScored(engine: Engine) throws {
        let sandbox = try SandboxProcess(accounts: 60)
        let scorebook = try ScorebookProcess(engine: engine)
        let config = scorebook.path("r.yml")
        try (sandbox.configuration() + Self.health).write(toFile: config, atomically: true, encoding: .utf8)
        let db = (try scorebook.database("r.db"))
        let common = ["--db", db, "--config", config]
        let env = SandboxProcess.environment
        #expect(try scorebook.run(["sync"] + common, environment: env).status == 0)
        let purged = try sandbox.control(
            "POST", "/_sandbox/mutate", ["purged_contacts": 3, "purged_deals": 2, "purged_tickets": 4])
        #expect(purged["purged_contacts"] as? Int == 3 && purged["purged_deals"] as? Int == 2)
        #expect(purged["purged_tickets"] as? Int == 4)
        let source = try sandboxSummary(sandbox)

        // An incremental sync cannot see them: every one is still here, and scored.
        #expect(try scorebook.run(["sync"] + common, environment: env).status == 0)
        let stale = try databaseSummary(db)
        for (key, gone) in [("contacts", 3), ("deals", 2), ("tickets", 4)] {
            #expect(Int(stale[key] ?? "") == (Int(source[key] ?? "") ?? 0) + gone, "\(key)")
        }
        let staleScores = try Self.healthScores(scorebook, common)

        let reconciled = try scorebook.run(["sync", "--reconcile"] + common, environment: env)
        #expect(reconciled.status == 0, "\(reconciled.stderr)")
        #expect(
            reconciled.stdout.contains("no longer at the source: 0 accounts, 3 contacts, 2 deals, 4 tickets"),
            "\(reconciled.stdout)")
        #expect(try databaseSummary(db) == source)
        let retired = try Self.retired(db, "hubspot")
        #expect(
            [retired["contacts_reconciled"], retired["deals_reconciled"], retired["tickets_reconciled"]] == [3, 2, 4])

        let again = try scorebook.run(["sync", "--reconcile"] + common, environment: env)
        #expect(
            again.stdout.contains("no longer at the source: 0 accounts, 0 contacts, 0 deals, 0 tickets"),
            "\(again.stdout)")
        #expect(try databaseSummary(db) == source)

        // Scored as a database that never saw them: a purged open ticket no longer counts against its account.
        let scores = try Self.healthScores(scorebook, common)
        let fresh = ["--db", (try scorebook.database("fresh.db")), "--config", config]
        #expect(try scorebook.run(["sync"] + fresh, environment: env).status == 0)
        #expect(scores == (try Self.healthScores(scorebook, fresh)))
        #expect(scores != staleScores)
    }

    @Test(arguments: Engine.allCases)
    func purgedSalesforceRecordsAndChargebeeSubscriptionsAndInvoicesAreRetired(engine: Engine) throws {
        let sandbox = try SandboxProcess(accounts: 60)
        let scorebook = try ScorebookProcess(engine: engine)
        let config = scorebook.path("r.yml")
        try (sandbox.salesforceChargebeeConfiguration() + Self.health).write(
            toFile: config, atomically: true, encoding: .utf8)
        let db = (try scorebook.database("r.db"))
        let common = ["--db", db, "--config", config]
        let env = SandboxProcess.environment
        #expect(try scorebook.run(["sync"] + common, environment: env).status == 0)
        let asked = [
            "purged_salesforce_contacts": 2, "purged_salesforce_opportunities": 2, "purged_salesforce_cases": 3,
            "purged_chargebee_subscriptions": 2, "purged_chargebee_invoices": 3,
        ]
        let purged = try sandbox.control("POST", "/_sandbox/mutate", asked)
        #expect(purged.filter { $0.key.hasPrefix("purged_") }.compactMapValues { $0 as? Int } == asked)
        let source = try SalesforceChargebeeSyncTests.sandboxSummary(sandbox)
        #expect(try scorebook.run(["sync"] + common, environment: env).status == 0)
        #expect(try SalesforceChargebeeSyncTests.databaseSummary(db) != source)
        let staleScores = try Self.healthScores(scorebook, common)

        let reconciled = try scorebook.run(["sync", "--reconcile"] + common, environment: env)
        #expect(reconciled.status == 0, "\(reconciled.stderr)")
        #expect(
            reconciled.stdout.contains(
                "no longer at the source: 0 accounts, 2 contacts, 2 opportunities, 3 cases, 2 subscriptions, 3 invoices"
            ),
            "\(reconciled.stdout)")
        #expect(try SalesforceChargebeeSyncTests.databaseSummary(db) == source)
        #expect(
            try SalesforceChargebeeSyncTests.scalar(
                db, "SELECT count(*) FROM invoices WHERE source = 'chargebee' AND status = 'deleted'") == 3)
        let retired = try Self.retired(db, "chargebee").merging(Self.retired(db, "salesforce")) { $0 + $1 }
        #expect(
            ["contacts", "opportunities", "cases", "subscriptions", "invoices"].map { retired[$0 + "_reconciled"] }
                == [2, 2, 3, 2, 3])

        let again = try scorebook.run(["sync", "--reconcile"] + common, environment: env)
        #expect(
            again.stdout.contains(
                "no longer at the source: 0 accounts, 0 contacts, 0 opportunities, 0 cases, 0 subscriptions, 0 invoices"
            ),
            "\(again.stdout)")
        #expect(try SalesforceChargebeeSyncTests.databaseSummary(db) == source)

        // A retired invoice, subscription or case weighs in no score: as a database that never saw them.
        let scores = try Self.healthScores(scorebook, common)
        let fresh = ["--db", (try scorebook.database("fresh.db")), "--config", config]
        #expect(try scorebook.run(["sync"] + fresh, environment: env).status == 0)
        #expect(scores == (try Self.healthScores(scorebook, fresh)))
        #expect(scores != staleScores)
    }

    @Test(arguments: Engine.allCases)
    func aStreamWhoseListingLacksMostOfItsRowsRefusesThePassAndChangesNothing(engine: Engine) throws {
        let sandbox = try SandboxProcess(accounts: 20)
        let scorebook = try ScorebookProcess(engine: engine)
        let config = scorebook.path("r.yml")
        try sandbox.configuration().write(toFile: config, atomically: true, encoding: .utf8)
        let db = (try scorebook.database("r.db"))
        let common = ["hubspot", "--db", db, "--config", config]
        let env = SandboxProcess.environment
        #expect(try scorebook.run(["sync"] + common, environment: env).status == 0)
        let before = try databaseSummary(db)
        let tickets = Int(before["tickets"] ?? "") ?? 0
        #expect(tickets >= 4)
        // A few contacts really gone, and most tickets missing from the listing.
        try sandbox.control("POST", "/_sandbox/mutate", ["purged_contacts": 1, "purged_tickets": tickets * 2 / 3])
        let refused = try scorebook.run(["sync", "--reconcile"] + common, environment: env)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("hubspot tickets reconciliation"), "\(refused.stderr)")
        #expect(refused.stderr.contains("refusing to mark more than half deleted"), "\(refused.stderr)")
        #expect(try databaseSummary(db) == before, "the contact is kept too: the pass changed nothing")
    }
}
