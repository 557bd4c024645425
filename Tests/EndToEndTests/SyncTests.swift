import Connectors
import Foundation
import Sandbox
import Store
import TestSupport
import Testing

/// Today (UTC) as YYYY-MM-DD.
private enum ScoreKitToday {
    static var text: String { String(ISO8601DateFormatter().string(from: Date()).prefix(10)) }
}

/// What the database holds of the synced sources, in the Sandbox summary's terms.
func databaseSummary(_ path: String) throws -> [String: String] {
    let database = try Database(path: path)
    func count(_ sql: String) throws -> String {
        String(try database.makeStatement(sql).map { $0.integer(0) }.first ?? -1)
    }
    let lines = try database.makeStatement(
        "SELECT external_id, amount_paid_cents, status, product FROM invoices WHERE source = 'stripe'"
    ).map { "\($0.text(0) ?? "")|\($0.integer(1))|\($0.text(2) ?? "")|\($0.text(3) ?? "")" }.sorted()
    let payments = try database.makeStatement(
        """
        SELECT external_id, invoice_external_id, amount_cents, status, disputed, refunded_cents FROM payments
        WHERE source = 'stripe'
        """
    ).map {
        "\($0.text(0) ?? "")|\($0.text(1) ?? "")|\($0.integer(2))|\($0.text(3) ?? "")|\($0.integer(4))|\($0.integer(5))"
    }
    .sorted()
    // Deals and tickets with the company they are filed under, as the Sandbox sums them up.
    let deals = try database.makeStatement(
        """
        SELECT d.external_id, a.external_id, d.stage, d.amount_cents, d.is_closed, d.is_won, d.close_date
        FROM deals d JOIN accounts a ON a.id = d.account_id WHERE d.source = 'hubspot'
        """
    ).map {
        "\($0.text(0) ?? "")|\($0.text(1) ?? "")|\($0.text(2) ?? "")|\($0.integer(3))|\($0.integer(4))|\($0.integer(5))|\($0.text(6) ?? "")"
    }
    let tickets = try database.makeStatement(
        """
        SELECT t.external_id, a.external_id, t.priority, t.status, substr(t.closed_at, 1, 10)
        FROM tickets t JOIN accounts a ON a.id = t.account_id WHERE t.source = 'hubspot'
        """
    ).map { "\($0.text(0) ?? "")|\($0.text(1) ?? "")|\($0.text(2) ?? "")|\($0.text(3) ?? "")|\($0.text(4) ?? "")" }
    return [
        "deals": try count("SELECT count(*) FROM deals WHERE source = 'hubspot'"),
        "won_deals": try count("SELECT count(*) FROM deals WHERE source = 'hubspot' AND is_won = 1"),
        "deal_checksum": Checksum.hex(deals.sorted().joined(separator: "\n")),
        "tickets": try count("SELECT count(*) FROM tickets WHERE source = 'hubspot'"),
        "closed_tickets": try count("SELECT count(*) FROM tickets WHERE source = 'hubspot' AND status = 'closed'"),
        "ticket_checksum": Checksum.hex(tickets.sorted().joined(separator: "\n")),
        "companies": try count("SELECT count(*) FROM accounts WHERE source = 'hubspot' AND deleted_at IS NULL"),
        "archived_companies": try count(
            "SELECT count(*) FROM accounts WHERE source = 'hubspot' AND deleted_at IS NOT NULL"),
        "contacts": try count("SELECT count(*) FROM contacts WHERE source = 'hubspot'"),
        "customers": try count("SELECT count(*) FROM accounts WHERE source = 'stripe' AND deleted_at IS NULL"),
        "deleted_customers": try count(
            "SELECT count(*) FROM accounts WHERE source = 'stripe' AND deleted_at IS NOT NULL"),
        "invoices": try count("SELECT count(*) FROM invoices"),
        "subscriptions": try count(
            "SELECT count(*) FROM mrr_changes WHERE source = 'stripe' AND external_id LIKE '%:start'"),
        "canceled_subscriptions": try count(
            "SELECT count(*) FROM mrr_changes WHERE source = 'stripe' AND external_id LIKE '%:end'"),
        "paid_invoices": try count("SELECT count(*) FROM invoices WHERE status = 'paid'"),
        "invoice_checksum": Checksum.hex(lines.joined(separator: "\n")),
        "charges": try count("SELECT count(*) FROM payments WHERE source = 'stripe'"),
        "failed_charges": try count("SELECT count(*) FROM payments WHERE source = 'stripe' AND status = 'failed'"),
        "disputed_charges": try count("SELECT count(*) FROM payments WHERE source = 'stripe' AND disputed = 1"),
        "refunded_cents": try count("SELECT coalesce(sum(refunded_cents), 0) FROM payments WHERE source = 'stripe'"),
        "charge_checksum": Checksum.hex(payments.joined(separator: "\n")),
    ]
}

/// Records, inserts and updates of a stream's latest sync log row.
private func latestLog(_ path: String, _ source: String, _ stream: String) throws -> [Int64] {
    try Database(path: path).makeStatement(
        "SELECT records, inserts, updates FROM sync_log WHERE source = ? AND stream = ? ORDER BY id DESC LIMIT 1"
    ).map([.text(source), .text(stream)]) { [$0.integer(0), $0.integer(1), $0.integer(2)] }.first ?? []
}

/// The Sandbox's summary, less what the database keeps no table of (invoice payments are links, read into each
/// payment's invoice; events are changes, applied to the rows they name).
func sandboxSummary(_ sandbox: SandboxProcess) throws -> [String: String] {
    try sandbox.control("GET", "/_sandbox/summary").filter { !["invoice_payments", "events"].contains($0.key) }
        .mapValues { "\($0)" }
}

@Test(arguments: Engine.allCases) func fullThenIncrementalSyncsEndWithTheSourceData(engine: Engine) throws {
    let sandbox = try SandboxProcess()
    let scorebook = try ScorebookProcess(engine: engine)
    let config = scorebook.path("sync.yml")
    try sandbox.configuration().write(toFile: config, atomically: true, encoding: .utf8)
    let common = ["--db", (try scorebook.database("sync.db")), "--config", config]

    let first = try scorebook.run(["sync"] + common, environment: SandboxProcess.environment)
    #expect(first.status == 0, "\(first.stderr)")
    let listed = try sandboxSummary(sandbox)
    #expect(Int(listed["deals"] ?? "") ?? 0 > 200 && Int(listed["tickets"] ?? "") ?? 0 > 100, "\(listed)")
    #expect(try databaseSummary((try scorebook.database("sync.db"))) == listed)
    // Every charge listed and inserted, in a log row of its own.
    let charges = Int64(listed["charges"] ?? "") ?? -1
    #expect(try latestLog((try scorebook.database("sync.db")), "stripe", "charges") == [charges, charges, 0])
    // The listings wrote without checking each row's account: every row of every table still has its parents.
    try Database(path: try scorebook.database("sync.db")).checkForeignKeys(in: CanonicalTable.allCases)

    try sandbox.control(
        "POST", "/_sandbox/mutate",
        [
            "paid": 4, "renamed": 3, "archived": 2, "deleted": 1, "contacts_active": 5, "deals_won": 3,
            "deals_archived": 2,
            "tickets_closed": 4, "tickets_archived": 1, "charges_failed": 2, "charges_refunded": 3,
            "charges_disputed": 2,
        ])
    let second = try scorebook.run(["sync"] + common, environment: SandboxProcess.environment)
    #expect(second.status == 0, "\(second.stderr)")
    let changed = try sandboxSummary(sandbox)
    #expect(try databaseSummary((try scorebook.database("sync.db"))) == changed)
    #expect(changed["charges"] != listed["charges"] && changed["disputed_charges"] != listed["disputed_charges"])
    // Through events: 4 invoices paid (a charge.succeeded and an invoice.paid each), a subscription ended with its
    // deleted customer, 2 failed attempts, 3 refunds and 2 disputes (each rewriting the charge it names).
    #expect(try latestLog((try scorebook.database("sync.db")), "stripe", "events") == [17, 6, 10])
    let renamed = try Database(path: (try scorebook.database("sync.db"))).makeStatement(
        "SELECT count(*) FROM accounts WHERE name LIKE '% (renamed)'"
    ).map { $0.integer(0) }.first
    #expect(renamed == 3)
    // Contacts whose activity the Sandbox just recorded now carry today's date (the freshness `act` checks).
    let active = try Database(path: (try scorebook.database("sync.db"))).makeStatement(
        "SELECT count(*) FROM contacts WHERE last_activity_date = ?"
    ).map([.text(ScoreKitToday.text)]) { $0.integer(0) }.first
    #expect(active == 5)
    // Deals won and tickets closed today came through search; archived ones are gone.
    let today = try Database(path: (try scorebook.database("sync.db"))).makeStatement(
        """
        SELECT (SELECT count(*) FROM deals WHERE is_won = 1 AND close_date = ?1),
               (SELECT count(*) FROM tickets WHERE status = 'closed' AND substr(closed_at, 1, 10) = ?1),
               (SELECT count(*) FROM deals), (SELECT count(*) FROM tickets)
        """
    ).map([.text(ScoreKitToday.text)]) { [$0.integer(0), $0.integer(1), $0.integer(2), $0.integer(3)] }.first
    let listedDeals = Int64(listed["deals"] ?? "") ?? 0
    let listedTickets = Int64(listed["tickets"] ?? "") ?? 0
    #expect(today == [3, 4, listedDeals - 2, listedTickets - 1])
    // Priorities and statuses are the words the health score's support signal reads.
    let words = try Database(path: (try scorebook.database("sync.db"))).makeStatement(
        "SELECT DISTINCT priority || '/' || status FROM tickets ORDER BY 1"
    ).map { $0.text(0) ?? "" }
    #expect(words == ["high/closed", "high/open", "low/closed", "low/open", "medium/closed", "medium/open"])

    let third = try scorebook.run(["sync"] + common, environment: SandboxProcess.environment)
    #expect(third.stdout.contains(" 0 written"), "\(third.stdout)")
    let scores = try scorebook.run(["scores"] + common)
    #expect(scores.stdout.contains("stripe   stripe"))
    #expect(
        scores.stdout.split(separator: "\n").filter { $0.hasPrefix("hubspot") || $0.hasPrefix("stripe") }.allSatisfy {
            $0.hasSuffix("fresh")
        })

    // Identity: explicit links and matching domains join billing customers to CRM companies; the rest are listed.
    let database = try Database(path: (try scorebook.database("sync.db")))
    let linked =
        try database.makeStatement("SELECT count(*) FROM accounts WHERE source = 'stripe' AND canonical_id IS NOT NULL")
        .map { $0.integer(0) }.first ?? 0
    let orphans = try database.makeStatement(
        "SELECT count(*) FROM invoices i JOIN accounts a ON a.id = i.account_id WHERE a.canonical_id IS NOT NULL"
    )
    .map { $0.integer(0) }.first
    #expect(linked > 150)
    #expect(orphans == 0)
    let unlinked = try scorebook.run(["accounts", "--unlinked"] + common)
    #expect(unlinked.stdout.contains("stripe   cus_00000017"))
}

@Test(arguments: Engine.allCases) func faultsAreSurvivedOrReportedInOneLineAndARerunFinishes(engine: Engine) throws {
    let sandbox = try SandboxProcess(accounts: 120)
    let scorebook = try ScorebookProcess(engine: engine)
    let config = scorebook.path("faults.yml")
    try sandbox.configuration(pageSize: 20).write(toFile: config, atomically: true, encoding: .utf8)
    let common = ["--db", (try scorebook.database("faults.db")), "--config", config]
    for (kind, path) in [
        ("rate_limit", "/v1/invoices"), ("rate_limit_no_retry_after", "/v1/customers"), ("server_error", "/crm/v3"),
        ("cut_off", "/v1/invoices"), ("invalid_json", "/crm/v3"), ("server_error", "/v1/invoices"),
        ("rate_limit", "/v1/charges"), ("cut_off", "/v1/charges"), ("invalid_json", "/v1/charges"),
        ("server_error", "/v1/charges"),
        ("server_error", "/crm/v3/objects/deals"), ("cut_off", "/crm/v3/objects/tickets"),
        ("rate_limit", "/crm/v3/objects/tickets"),
    ] {
        try sandbox.control("POST", "/_sandbox/faults", ["kind": kind, "path": path, "times": 1, "retry_after": 1])
    }
    let survived = try scorebook.run(["sync"] + common, environment: SandboxProcess.environment)
    #expect(survived.status == 0, "\(survived.stderr)")
    #expect(try databaseSummary((try scorebook.database("faults.db"))) == sandboxSummary(sandbox))
    let status = try scorebook.run(["sync", "--status"] + common)
    #expect(status.stdout.contains("stripe   invoices"))

    try sandbox.control("POST", "/_sandbox/mutate", ["paid": 3])
    try sandbox.control("POST", "/_sandbox/faults", ["kind": "expired_token", "path": "/v1/events", "times": 1])
    let expired = try scorebook.run(["sync", "stripe"] + common, environment: SandboxProcess.environment)
    #expect(expired.status == 1)
    #expect(
        expired.stderr
            == "Error: stripe events page 1: HTTP 401 invalid_request_error: api_key_expired: Expired API Key "
            + "provided\n"
    )

    try sandbox.control("POST", "/_sandbox/faults", ["kind": "daily_cap", "path": "/crm/v3", "times": 1])
    let capped = try scorebook.run(["sync", "hubspot"] + common, environment: SandboxProcess.environment)
    #expect(capped.status == 1)
    #expect(capped.stderr.hasPrefix("Error: hubspot companies search page 1: HTTP 429 daily limit reached"))

    try sandbox.control("POST", "/_sandbox/mutate", ["charges_refunded": 2, "charges_disputed": 1])
    try sandbox.control("POST", "/_sandbox/faults", ["kind": "expired_token", "path": "/v1/charges", "times": 1])
    let relisted = try scorebook.run(["sync", "stripe", "--full"] + common, environment: SandboxProcess.environment)
    #expect(relisted.status == 1)
    #expect(
        relisted.stderr
            == "Error: stripe charges page 1: HTTP 401 invalid_request_error: api_key_expired: Expired API Key "
            + "provided\n"
    )
    // A proxy answering the first page of charges again: the repeated cursor stops the sync in one line.
    try sandbox.control("POST", "/_sandbox/faults", ["kind": "repeat_page", "path": "/v1/charges", "times": 2])
    let looped = try scorebook.run(["sync", "stripe"] + common, environment: SandboxProcess.environment)
    #expect(looped.status == 1)
    #expect(
        looped.stderr.hasPrefix("Error: stripe charges: the cursor ch_")
            && looped.stderr.hasSuffix(" repeated; stopping instead of looping\n"), "\(looped.stderr)")

    // The deals' incremental search reads their companies through the association batch read, which is retried too.
    try sandbox.control("POST", "/_sandbox/mutate", ["deals_won": 2])
    try sandbox.control(
        "POST", "/_sandbox/faults", ["kind": "server_error", "path": "/crm/v4/associations", "times": 1])
    let rerun = try scorebook.run(["sync"] + common, environment: SandboxProcess.environment)
    #expect(rerun.status == 0, "\(rerun.stderr)")
    #expect(rerun.stdout.contains(" 1 retries"), "\(rerun.stdout)")
    #expect(try databaseSummary((try scorebook.database("faults.db"))) == sandboxSummary(sandbox))

    // A deal failing in the middle of the streams stops with one line naming source, stream and reason.
    try sandbox.control("POST", "/_sandbox/mutate", ["deals_won": 1])
    try sandbox.control(
        "POST", "/_sandbox/faults", ["kind": "expired_token", "path": "/crm/v3/objects/deals", "times": 1])
    let stopped = try scorebook.run(["sync", "hubspot"] + common, environment: SandboxProcess.environment)
    #expect(stopped.status == 1)
    #expect(
        stopped.stderr
            == "Error: hubspot deals search page 1: HTTP 401 EXPIRED_AUTHENTICATION: The OAuth token used to "
            + "make this call expired.\n"
    )
}

@Test(arguments: Engine.allCases) func killingTheSyncAtRandomPointsLosesAndDuplicatesNothing(engine: Engine) throws {
    let sandbox = try SandboxProcess(accounts: 150)
    let scorebook = try ScorebookProcess(engine: engine)
    let config = scorebook.path("kill.yml")
    try sandbox.configuration(pageSize: 10).write(toFile: config, atomically: true, encoding: .utf8)
    let killed = try scorebook.database("kill.db")
    let common = ["--db", killed, "--config", config]
    // Twenty kills at random points, with the source changing halfway through.
    try scorebook.killSyncAtRandomPoints(
        rounds: 20, arguments: common, environment: SandboxProcess.environment, maxPause: 0.6
    ) { round in
        if round == 10 {
            try sandbox.control(
                "POST", "/_sandbox/mutate",
                [
                    "paid": 5, "renamed": 2, "deleted": 1, "charges_failed": 2, "charges_refunded": 2,
                    "charges_disputed": 1,
                    "deals_won": 3, "tickets_closed": 2, "tickets_archived": 1,
                ])
        }
    }
    let finish = try scorebook.run(["sync"] + common, environment: SandboxProcess.environment)
    #expect(finish.status == 0, "\(finish.stderr)")
    let status = try scorebook.run(["sync", "--status"] + common)
    let synced = try databaseSummary(killed)
    let source = try sandboxSummary(sandbox)
    #expect(synced == source, "database \(synced), sandbox \(source)\n\(status.stdout)")
    let duplicates = try Database(path: killed).makeStatement(
        """
        SELECT count(*) FROM (SELECT 1 FROM invoices GROUP BY source, external_id HAVING count(*) > 1
        UNION ALL SELECT 1 FROM payments GROUP BY source, external_id HAVING count(*) > 1
        UNION ALL SELECT 1 FROM contacts GROUP BY source, external_id HAVING count(*) > 1
        UNION ALL SELECT 1 FROM deals GROUP BY source, external_id HAVING count(*) > 1
        UNION ALL SELECT 1 FROM tickets GROUP BY source, external_id HAVING count(*) > 1) AS repeated
        """
    )
    .map { $0.integer(0) }.first
    #expect(duplicates == 0)
    // Every index and foreign key the killed syncs set aside is back, as a new database has them.
    let fresh = try Database(path: try scorebook.database("fresh.db"))
    let database = try Database(path: killed)
    #expect(try unqualifiedIndexes(database) == unqualifiedIndexes(fresh))
    #expect(try foreignKeyCatalogue(database) == foreignKeyCatalogue(fresh))
}

/// The secondary index catalogue without the schema PostgreSQL names in each definition (each test database has one).
private func unqualifiedIndexes(_ database: Database) throws -> [String] {
    try secondaryIndexCatalogue(database).map { $0.replacing(#/ ON \w+\./#, with: " ON ") }
}

@Test(arguments: Engine.allCases) func tokensNeverReachOutputLogsOrTheDatabase(engine: Engine) throws {
    let sandbox = try SandboxProcess(accounts: 60)
    let scorebook = try ScorebookProcess(engine: engine)
    let config = scorebook.path("token.yml")
    try sandbox.configuration().write(toFile: config, atomically: true, encoding: .utf8)
    let common = ["--db", (try scorebook.database("token.db")), "--config", config]
    try sandbox.control("POST", "/_sandbox/faults", ["kind": "expired_token", "path": "/v1/customers", "times": 1])
    let failed = try scorebook.run(["sync"] + common, environment: SandboxProcess.environment)
    #expect(failed.status == 1 && failed.stderr.contains("HTTP 401"), "\(failed.stderr)")
    let good = try scorebook.run(["sync"] + common, environment: SandboxProcess.environment)
    #expect(good.status == 0, "\(good.stderr)")
    let status = try scorebook.run(["sync", "--status"] + common)
    #expect(status.status == 0 && status.stdout.contains("stripe"), "\(status.stdout)")
    let wrongToken = try scorebook.run(
        ["sync"] + common,
        environment: ["STRIPE_API_KEY": "sk_test_wrong_but_secret_1234", "HUBSPOT_TOKEN": "pat-wrong-secret"])
    #expect(wrongToken.status == 1 && wrongToken.stderr.contains("HTTP 401"))
    let outputs = [failed, good, status, wrongToken].map { $0.stdout + $0.stderr }.joined()
    func everything() throws -> String {
        try FileManager.default.contentsOfDirectory(atPath: scorebook.folder.path).map { name in
            String(
                decoding: (try? Data(contentsOf: scorebook.folder.appendingPathComponent(name))) ?? Data(),
                as: UTF8.self)
        }.joined() + outputs + (try scorebook.storedText("token.db"))
    }
    let tokens = [
        SandboxProcess.stripeToken, SandboxProcess.hubspotToken, "sk_test_wrong_but_secret_1234", "pat-wrong-secret",
    ]
    // Positive controls: the search reads the synced data, and finds a token where one is.
    let synced =
        try Database(path: (try scorebook.database("token.db"))).makeStatement(
            "SELECT external_id FROM accounts LIMIT 1"
        )
        .map { $0.text(0) ?? "" }.first ?? ""
    // Only booleans and prefixes reach #expect, so a failure prints neither the files nor a whole token.
    let written = try everything()
    let seesRecords = !synced.isEmpty && written.contains(synced)
    #expect(seesRecords, "the search does not see the synced records")
    let leaked = tokens.filter { written.contains($0) }.map { "\($0.prefix(8))..." }
    #expect(leaked == [], "tokens leaked")
    try "planted \(SandboxProcess.stripeToken)".write(
        toFile: scorebook.path("planted.log"), atomically: true, encoding: .utf8)
    let findsPlanted = try everything().contains(SandboxProcess.stripeToken)
    #expect(findsPlanted, "the search misses a token written to a file")
}

@Test(arguments: Engine.allCases) func dataChangingBetweenPagesIsCaughtUpWithoutLossOrDuplicates(engine: Engine) throws
{
    let sandbox = try SandboxProcess(accounts: 120)
    let scorebook = try ScorebookProcess(engine: engine)
    let config = scorebook.path("moving.yml")
    try sandbox.configuration(pageSize: 20).write(toFile: config, atomically: true, encoding: .utf8)
    let common = ["--db", (try scorebook.database("moving.db")), "--config", config]
    let before = try sandboxSummary(sandbox)
    // The data changes right after the second page of invoices, of charges (new ones come before the cursor) and of
    // companies go out.
    try sandbox.control("POST", "/_sandbox/faults", ["kind": "change_data", "path": "/v1/invoices", "times": 1])
    try sandbox.control("POST", "/_sandbox/faults", ["kind": "change_data", "path": "/v1/charges", "times": 1])
    try sandbox.control(
        "POST", "/_sandbox/faults", ["kind": "change_data", "path": "/crm/v3/objects/companies", "times": 1])
    try sandbox.control(
        "POST", "/_sandbox/faults", ["kind": "change_data", "path": "/crm/v3/objects/deals", "times": 1])
    let first = try scorebook.run(["sync"] + common, environment: SandboxProcess.environment)
    #expect(first.status == 0, "\(first.stderr)")
    let after = try sandboxSummary(sandbox)
    #expect(after["paid_invoices"] != before["paid_invoices"])
    #expect(after["won_deals"] != before["won_deals"] && after["closed_tickets"] != before["closed_tickets"])
    // Stripe catches up through events in the same sync; HubSpot's renames come with the next incremental search.
    let second = try scorebook.run(["sync"] + common, environment: SandboxProcess.environment)
    #expect(second.status == 0, "\(second.stderr)")
    #expect(try databaseSummary((try scorebook.database("moving.db"))) == after)
    // The three changes renamed the same two companies; the database has the latest names.
    let renamedThrice = try Database(path: (try scorebook.database("moving.db"))).makeStatement(
        "SELECT count(*) FROM accounts WHERE name LIKE '% (renamed) (renamed) (renamed)'"
    ).map { $0.integer(0) }.first
    #expect(renamedThrice == 2)
}

@Test(arguments: Engine.allCases) func chargesOfCustomersDeletedBeforeTheFirstSyncAreKeptUnderPlaceholderAccounts(
    engine: Engine
) throws {
    let sandbox = try SandboxProcess(accounts: 60)
    let scorebook = try ScorebookProcess(engine: engine)
    let config = scorebook.path("gone.yml")
    try sandbox.configuration(pageSize: 20).write(toFile: config, atomically: true, encoding: .utf8)
    let db = (try scorebook.database("gone.db"))
    // The customers listing leaves deleted customers out; their invoices and charges are still listed.
    try sandbox.control("POST", "/_sandbox/mutate", ["deleted": 5])
    let run = try scorebook.run(
        ["sync", "stripe", "--db", db, "--config", config], environment: SandboxProcess.environment)
    #expect(run.status == 0, "\(run.stderr)")
    // Nothing dropped: Stripe's counts and checksums match (HubSpot was not synced), the deleted customers included.
    let hubSpotKeys: Set = [
        "companies", "contacts", "archived_companies", "deals", "won_deals", "deal_checksum", "tickets",
        "closed_tickets",
        "ticket_checksum",
    ]
    let stripeOnly = { (summary: [String: String]) in summary.filter { !hubSpotKeys.contains($0.key) } }
    #expect(try stripeOnly(databaseSummary(db)) == stripeOnly(sandboxSummary(sandbox)))
    let kept =
        try Database(path: db).makeStatement(
            """
            SELECT count(*) FROM payments p JOIN accounts a ON a.id = p.account_id
            WHERE a.deleted_at IS NOT NULL AND a.name IS NULL
            """
        ).map { $0.integer(0) }.first ?? 0
    #expect(kept > 0)
}

/// A page of charges is mapped once the invoice payments read so far link every charge on it, else once all are read:
/// with every invoice payments page slowed, the charges come first and still carry their invoices, as the Sandbox has.
@Test(arguments: Engine.allCases) func chargesListedAheadOfTheirInvoicePaymentsStillCarryTheirInvoices(engine: Engine)
    throws
{
    let sandbox = try SandboxProcess(accounts: 60)
    let scorebook = try ScorebookProcess(engine: engine)
    let config = scorebook.path("links.yml")
    try sandbox.configuration(pageSize: 20).write(toFile: config, atomically: true, encoding: .utf8)
    let db = (try scorebook.database("links.db"))
    try sandbox.control(
        "POST", "/_sandbox/faults", ["kind": "slow", "path": "/v1/invoice_payments", "times": 100, "delay_ms": 150])
    let run = try scorebook.run(
        ["sync", "stripe", "--db", db, "--config", config], environment: SandboxProcess.environment)
    #expect(run.status == 0, "\(run.stderr)")
    let listed = try sandboxSummary(sandbox)
    let synced = try databaseSummary(db)
    #expect(synced["charges"] == listed["charges"])
    #expect(synced["charge_checksum"] == listed["charge_checksum"])  // each charge's invoice among its fields
    let linked =
        try Database(path: db).makeStatement("SELECT count(*) FROM payments WHERE invoice_external_id IS NOT NULL")
        .map { $0.integer(0) }.first ?? 0
    #expect(linked > 20, "more than a page of charges pay an invoice")
}

/// An invoice payments listing that fails fails the charges too, before any charge is written without its invoice (a
/// rerun resumes the charges from their cursor and would not look for those links again); the rerun links them all.
@Test(arguments: Engine.allCases) func chargesAreNotWrittenUnlinkedWhenTheInvoicePaymentsListingFails(engine: Engine)
    throws
{
    let sandbox = try SandboxProcess(accounts: 60)
    let scorebook = try ScorebookProcess(engine: engine)
    let config = scorebook.path("unlinked.yml")
    try sandbox.configuration(pageSize: 20).write(toFile: config, atomically: true, encoding: .utf8)
    let db = (try scorebook.database("unlinked.db"))
    let common = ["sync", "stripe", "--db", db, "--config", config]
    try sandbox.control("POST", "/_sandbox/faults", ["kind": "not_found", "path": "/v1/invoice_payments", "times": -1])
    let failed = try scorebook.run(common, environment: SandboxProcess.environment)
    #expect(failed.status == 1)
    #expect(failed.stderr.hasPrefix("Error: stripe invoice_payments page 1: HTTP 404"), "\(failed.stderr)")
    let written = try Database(path: db).makeStatement("SELECT count(*) FROM payments").map { $0.integer(0) }.first
    #expect(written == 0)

    try sandbox.control("DELETE", "/_sandbox/faults")
    let rerun = try scorebook.run(common, environment: SandboxProcess.environment)
    #expect(rerun.status == 0, "\(rerun.stderr)")
    let listed = try sandboxSummary(sandbox)
    let synced = try databaseSummary(db)
    #expect(synced["charges"] == listed["charges"])
    #expect(synced["charge_checksum"] == listed["charge_checksum"])
}

@Test(arguments: Engine.allCases) func dealsAndTicketsOfArchivedCompaniesAreKeptUnderTheirCompany(engine: Engine) throws
{
    let sandbox = try SandboxProcess(accounts: 60)
    let scorebook = try ScorebookProcess(engine: engine)
    let config = scorebook.path("archived.yml")
    try sandbox.configuration(pageSize: 25).write(toFile: config, atomically: true, encoding: .utf8)
    let common = ["--db", (try scorebook.database("archived.db")), "--config", config]
    // Archived before any sync: the listing never shows these companies, their deals and tickets still name them.
    try sandbox.control("POST", "/_sandbox/mutate", ["archived": 4])
    let run = try scorebook.run(["sync", "hubspot"] + common, environment: SandboxProcess.environment)
    #expect(run.status == 0, "\(run.stderr)")
    let source = try sandboxSummary(sandbox)
    let synced = try databaseSummary((try scorebook.database("archived.db")))
    for key in ["companies", "archived_companies", "deals", "deal_checksum", "tickets", "ticket_checksum"] {
        #expect(synced[key] == source[key], "\(key): database \(synced[key] ?? "-"), sandbox \(source[key] ?? "-")")
    }
    let underArchived =
        try Database(path: (try scorebook.database("archived.db"))).makeStatement(
            """
            SELECT count(*) FROM (SELECT account_id FROM deals UNION ALL SELECT account_id FROM tickets) r
            JOIN accounts a ON a.id = r.account_id WHERE a.deleted_at IS NOT NULL
            """
        ).map { $0.integer(0) }.first ?? 0
    #expect(underArchived > 0)
    // The archived companies are kept, marked deleted: they are not offered as unlinked.
    let unlinked = try scorebook.run(["accounts", "--unlinked"] + common)
    #expect(unlinked.stdout.contains("\n56 unlinked"), "\(unlinked.stdout)")
    for archived in 57...60 { #expect(!unlinked.stdout.contains("\(18_000_000 + archived)"), "\(unlinked.stdout)") }
}

@Test(arguments: Engine.allCases) func indexesACrashedSyncSetAsideAreBuiltAgainByTheNextCommandUnlessASyncRuns(
    engine: Engine
) throws {
    let scorebook = try ScorebookProcess(engine: engine)
    let path = (try scorebook.database("aside.db"))
    let common = ["--db", path]
    let expected = try Database(path: path).makeStatement(indexNamed(engine))
        .map { $0.text(0) ?? "" }
    #expect(expected == ["invoices_paid_by_account"])
    // As a sync that was killed after setting the invoices' indexes aside leaves the database.
    try DeferredIndexes(database: try Database(path: path)).setAside([.invoices])
    do {
        // A sync is running: the indexes are its to put back.
        let lock = try ProcessLock.sync(database: try Database(path: path))
        #expect(try scorebook.run(["runs"] + common).status == 0)
        #expect(try DeferredIndexes(database: try Database(path: path)).pending() > 0)
        withExtendedLifetime(lock) {}
    }
    #expect(try scorebook.run(["runs"] + common).status == 0)
    #expect(try DeferredIndexes(database: try Database(path: path)).pending() == 0)
    let rebuilt = try Database(path: path).makeStatement(indexNamed(engine))
        .map { $0.text(0) ?? "" }
    #expect(rebuilt == expected)
}

@Test(arguments: Engine.allCases) func hubSpotsRateLimitHeadersHoldTheSyncBeforeA429(engine: Engine) throws {
    let sandbox = try SandboxProcess(accounts: 60)
    let scorebook = try ScorebookProcess(engine: engine)
    let config = scorebook.path("paced.yml")
    try sandbox.configuration(pageSize: 10).write(toFile: config, atomically: true, encoding: .utf8)
    let db = (try scorebook.database("paced.db"))
    // Eight requests per rolling second: the listing needs about forty.
    try sandbox.control("POST", "/_sandbox/hubspot_rate_limit", ["max": 8, "interval_ms": 1_000])
    let started = Date()
    let run = try scorebook.run(
        ["sync", "hubspot", "--db", db, "--config", config], environment: SandboxProcess.environment)
    let seconds = Date().timeIntervalSince(started)
    try sandbox.control("POST", "/_sandbox/hubspot_rate_limit", [:])
    #expect(run.status == 0, "\(run.stderr)")
    // Remaining 0 held every request for the window instead of letting the next one get a 429 and a retry.
    #expect(run.stdout.contains(", 0 retries"), "\(run.stdout)")
    #expect(seconds >= 3, "\(seconds) s")
    let synced = try databaseSummary(db)
    let source = try sandboxSummary(sandbox)
    for key in ["companies", "contacts", "deals", "deal_checksum", "tickets", "ticket_checksum"] {
        #expect(synced[key] == source[key], "\(key)")
    }
}

/// The catalogue query that finds the invoices' paid index by name on `engine`.
private func indexNamed(_ engine: Engine) -> String {
    engine == .sqlite
        ? "SELECT name FROM sqlite_master WHERE name = 'invoices_paid_by_account'"
        : "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND indexname = "
            + "'invoices_paid_by_account'"
}
