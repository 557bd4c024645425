import Foundation
import Store
import Testing

@Test(arguments: Engine.allCases) func actSendsSignedWebhooksOnceFlagsStaleContactsAndDryRunSendsNothing(engine: Engine)
    throws
{
    let sandbox = try SandboxProcess(accounts: 10)
    let scorebook = try ScorebookProcess(engine: engine)
    let config = scorebook.path("act.yml")
    let exportPath = scorebook.path("exports/lost.csv")
    try """
    scores:
      seed_rfm:
        module: value
        recency_bins: [30, 60, 90, 180]
        actions:
          Champion:
            - webhook: \(sandbox.baseURL)/_sandbox/webhook
              secret_env: ACT_SECRET
          Lost:
            - webhook: \(sandbox.baseURL)/_sandbox/webhook
              secret_env: ACT_SECRET
            - csv: \(exportPath)
    """.write(toFile: config, atomically: true, encoding: .utf8)
    let contacts = scorebook.path("contacts.csv")
    try """
    contact_id,account_id,name,email,is_primary,last_activity_date
    c1,acme,Ada,ada@acme.example,yes,2024-12-15
    c2,epsilon,Eve,eve@epsilon.example,yes,2024-01-10
    """.write(toFile: contacts, atomically: true, encoding: .utf8)
    let common = ["--db", (try scorebook.database("act.db")), "--config", config]
    let secret = ["ACT_SECRET": "s3cret-for-hmac"]
    #expect(
        try scorebook.run(["import", "accounts", ScorebookProcess.fixture("seed004/accounts.csv")] + common).status == 0
    )
    #expect(
        try scorebook.run(["import", "invoices", ScorebookProcess.fixture("seed004/invoices.csv")] + common).status == 0
    )
    #expect(try scorebook.run(["import", "contacts", contacts] + common).status == 0)
    #expect(try scorebook.run(["run", "seed_rfm", "--as-of", "2025-01-01"] + common).status == 0)

    let dry = try scorebook.run(["act", "seed_rfm", "--dry-run"] + common, environment: secret)
    #expect(dry.status == 0, "\(dry.stderr)")
    #expect(dry.stdout.contains("would send 3"))
    let dryJSON = try scorebook.run(["act", "seed_rfm", "--dry-run", "--format", "json"] + common, environment: secret)
    let dryObject = try #require(try JSONSerialization.jsonObject(with: Data(dryJSON.stdout.utf8)) as? [String: Any])
    #expect(dryObject["sent"] as? Int == 3 && dryObject["dry_run"] as? String == "yes", "\(dryJSON.stdout)")
    let dryRows = (dryObject["rows"] as? [[String: Any]]) ?? []
    #expect(dryRows.filter { $0["status"] as? String == "would send" }.count == 3)
    #expect((try sandbox.control("GET", "/_sandbox/webhooks")["deliveries"] as? [Any])?.count == 0)

    let unsigned = try scorebook.run(["act", "seed_rfm"] + common)
    #expect(unsigned.status == 1)
    #expect(unsigned.stderr.contains("environment variable ACT_SECRET is not set"))
    #expect((try sandbox.control("GET", "/_sandbox/webhooks")["deliveries"] as? [Any])?.count == 0)

    // Acme enters Champion, Epsilon enters Lost (a webhook and a CSV row); only Epsilon's webhook has a stale contact.
    let first = try scorebook.run(["act", "seed_rfm"] + common, environment: secret)
    #expect(first.status == 0, "\(first.stderr)")
    #expect(first.stdout.contains("sent 3, 0 already sent, 1 with a contact to check"), "\(first.stdout)")
    let deliveries = try #require(sandbox.control("GET", "/_sandbox/webhooks")["deliveries"] as? [[String: Any]])
    #expect(deliveries.count == 2)
    for delivery in deliveries {
        let body = try #require(delivery["body"] as? String)
        let expected = "sha256=" + (try opensslHMACSHA256(key: "s3cret-for-hmac", message: body))
        #expect(delivery["signature"] as? String == expected)
    }
    let epsilon = try #require(
        deliveries.first { ($0["body"] as? String)?.contains("\"epsilon\"") == true }?["body"] as? String)
    #expect(epsilon.contains("last activity was 357 days ago"))
    let export = try String(contentsOfFile: exportPath, encoding: .utf8)
    #expect(export.components(separatedBy: "\n").filter { !$0.isEmpty }.count == 2)

    let again = try scorebook.run(["act", "seed_rfm"] + common, environment: secret)
    #expect(again.stdout.contains("sent 0, 3 already sent"))
    #expect((try sandbox.control("GET", "/_sandbox/webhooks")["deliveries"] as? [Any])?.count == 2)
}

@Test(arguments: Engine.allCases) func actCreatesHubSpotTasksOnSyncedCompaniesThroughTheSource(engine: Engine) throws {
    let sandbox = try SandboxProcess(accounts: 60)
    let scorebook = try ScorebookProcess(engine: engine)
    let config = scorebook.path("tasks.yml")
    try
        (sandbox.configuration() + """

                actions:
                  Champion:
                    - hubspot_task: "Thank {name}: {band}"
                      source: hubspot
            """).write(toFile: config, atomically: true, encoding: .utf8)
    let common = ["--db", (try scorebook.database("tasks.db")), "--config", config]
    #expect(try scorebook.run(["sync"] + common, environment: SandboxProcess.environment).status == 0)
    #expect(try scorebook.run(["run", "rfm", "--as-of", "2026-10-31"] + common).status == 0)
    let acted = try scorebook.run(["act", "rfm"] + common, environment: SandboxProcess.environment)
    #expect(acted.status == 0, "\(acted.stderr)")
    let tasks = try #require(try sandbox.control("GET", "/_sandbox/tasks")["tasks"] as? [[String: Any]])
    #expect(!tasks.isEmpty)
    #expect(acted.stdout.contains("rfm: sent \(tasks.count), 0 already sent"), "\(acted.stdout)")
    for task in tasks {
        let subject = (task["properties"] as? [String: Any])?["hs_task_subject"] as? String ?? ""
        #expect(subject.hasPrefix("Thank ") && subject.hasSuffix(": Champion"))
        let company =
            ((task["associations"] as? [[String: Any]])?.first?["to"] as? [String: Any])?["id"] as? String ?? ""
        #expect(company.hasPrefix("18"))
    }
    let again = try scorebook.run(["act", "rfm"] + common, environment: SandboxProcess.environment)
    #expect(again.stdout.contains("sent 0"))
    #expect((try sandbox.control("GET", "/_sandbox/tasks")["tasks"] as? [Any])?.count == tasks.count)
}
