import Foundation
import Store
import Testing

/// Accounts deleted past every retention window reach no incremental sync; a reconciliation pass finds them.
private func liveAccounts(_ path: String, _ source: String) throws -> Int {
    try AccountDirectory(database: try Database(path: path)).liveExternalIDs(source: source).count
}

@Test(arguments: Engine.allCases) func reconcilingMarksAccountsTheSourcesNoLongerListAsDeleted(engine: Engine) throws {
    let sandbox = try SandboxProcess(accounts: 60)
    let scorebook = try ScorebookProcess(engine: engine)
    try sandbox.configuration().write(toFile: scorebook.path("r.yml"), atomically: true, encoding: .utf8)
    let db = (try scorebook.database("r.db"))
    let common = ["--db", db, "--config", scorebook.path("r.yml")]
    let env = SandboxProcess.environment
    #expect(try scorebook.run(["sync"] + common, environment: env).status == 0)
    let purged = try sandbox.control("POST", "/_sandbox/mutate", ["purged": 3])
    #expect(purged["purged_companies"] as? Int == 3 && purged["purged_customers"] as? Int == 3)
    let before = (hubspot: try liveAccounts(db, "hubspot"), stripe: try liveAccounts(db, "stripe"))

    // An incremental sync cannot see them: they are still live here.
    let quiet = try scorebook.run(["sync"] + common, environment: env)
    #expect(quiet.status == 0, "\(quiet.stderr)")
    #expect(try liveAccounts(db, "hubspot") == before.hubspot && liveAccounts(db, "stripe") == before.stripe)
    #expect(!quiet.stdout.contains("reconciled"))

    let reconciled = try scorebook.run(["sync", "--reconcile"] + common, environment: env)
    #expect(reconciled.status == 0, "\(reconciled.stderr)")
    #expect(reconciled.stdout.contains("no longer at the source: 6 accounts, 0 contacts"), "\(reconciled.stdout)")
    let summary = try sandbox.control("GET", "/_sandbox/summary")
    #expect(try liveAccounts(db, "hubspot") == summary["companies"] as? Int)
    #expect(try liveAccounts(db, "stripe") == summary["customers"] as? Int)
    let status = try scorebook.run(["sync", "--status", "--format", "json"] + common).stdout
    #expect(status.contains("accounts_reconciled"))
    let again = try scorebook.run(["sync", "--reconcile"] + common, environment: env)
    #expect(again.stdout.contains("no longer at the source: 0 accounts, 0 contacts"), "\(again.stdout)")
}

@Test(arguments: Engine.allCases) func reconcilingSalesforceAndChargebeeAndOnSchedule(engine: Engine) throws {
    let sandbox = try SandboxProcess(accounts: 60)
    let scorebook = try ScorebookProcess(engine: engine)
    let config = sandbox.salesforceChargebeeConfiguration().replacingOccurrences(
        of: "    crm_link_field: cf_salesforce_account_id\n",
        with: "    crm_link_field: cf_salesforce_account_id\n    reconcile_every_days: 3\n")
    try config.write(toFile: scorebook.path("r.yml"), atomically: true, encoding: .utf8)
    let db = (try scorebook.database("r.db"))
    let common = ["--db", db, "--config", scorebook.path("r.yml")]
    let env = SandboxProcess.environment
    #expect(try scorebook.run(["sync"] + common, environment: env).status == 0)
    try sandbox.control("POST", "/_sandbox/mutate", ["purged": 2])
    let summary = try sandbox.control("GET", "/_sandbox/summary?apis=salesforce,chargebee")

    // Salesforce on demand only; Chargebee every 3 days: once its last pass is 4 days old, a plain sync reconciles it.
    let database = try Database(path: db)
    try database.execute(
        "UPDATE sync_state SET bookmark = '\(Int(Date().timeIntervalSince1970) - 4 * 86_400)' "
            + "WHERE source = 'chargebee' AND stream = 'accounts_reconciled'")
    let scheduled = try scorebook.run(["sync"] + common, environment: env)
    #expect(scheduled.status == 0, "\(scheduled.stderr)")
    #expect(try liveAccounts(db, "chargebee") == summary["chargebee_customers"] as? Int)
    #expect(try liveAccounts(db, "salesforce") == (summary["salesforce_accounts"] as? Int ?? 0) + 2, "not due yet")
    #expect(try scorebook.run(["sync", "salesforce", "--reconcile"] + common, environment: env).status == 0)
    #expect(try liveAccounts(db, "salesforce") == summary["salesforce_accounts"] as? Int)
}

@Test(arguments: Engine.allCases) func aListingThatLacksMostAccountsIsRefusedAndChangesNothing(engine: Engine) throws {
    let sandbox = try SandboxProcess(accounts: 20)
    let scorebook = try ScorebookProcess(engine: engine)
    try sandbox.configuration().write(toFile: scorebook.path("r.yml"), atomically: true, encoding: .utf8)
    let db = (try scorebook.database("r.db"))
    let common = ["stripe", "--db", db, "--config", scorebook.path("r.yml")]
    #expect(try scorebook.run(["sync"] + common, environment: SandboxProcess.environment).status == 0)
    let live = try liveAccounts(db, "stripe")
    try sandbox.control("POST", "/_sandbox/mutate", ["purged": live * 2 / 3])
    let refused = try scorebook.run(["sync", "--reconcile"] + common, environment: SandboxProcess.environment)
    #expect(refused.status == 1)
    #expect(refused.stderr.contains("refusing to mark more than half deleted"), "\(refused.stderr)")
    #expect(try liveAccounts(db, "stripe") == live)
}
