import Foundation
import Sandbox
import Store
import Testing

/// Salesforce and Chargebee synced over loopback HTTP from `scorebook sandbox` into a real SQLite file.
@Suite struct SalesforceChargebeeSyncTests {
    /// What the database holds of Salesforce and Chargebee, in the Sandbox summary's terms.
    static func databaseSummary(_ path: String) throws -> [String: String] {
        let database = try Database(path: path)
        func count(_ sql: String) throws -> String {
            String(try database.makeStatement(sql).map { $0.integer(0) }.first ?? -1)
        }
        let accounts = try database.makeStatement(
            "SELECT external_id, name FROM accounts WHERE source = 'salesforce' AND deleted_at IS NULL"
        )
        .map { "\($0.text(0) ?? "")|\($0.text(1) ?? "")" }.sorted()
        let invoices = try database.makeStatement(
            "SELECT external_id, amount_paid_cents, status FROM invoices WHERE source = 'chargebee'"
        )
        .map { "\($0.text(0) ?? "")|\($0.integer(1))|\($0.text(2) ?? "")" }.sorted()
        // A subscription: its start row's amount, and its end row's day once cancelled (both under its one customer,
        // which on Citus makes the join one on the distribution column).
        let subscriptions = try database.makeStatement(
            """
            SELECT replace(s.external_id, ':start', ''), s.mrr_cents, coalesce(e.effective_date, '') FROM mrr_changes s
            LEFT JOIN mrr_changes e ON e.source = s.source AND e.external_id = replace(s.external_id, ':start', ':end')
                AND e.account_id = s.account_id
            WHERE s.source = 'chargebee' AND s.external_id LIKE '%:start'
            """
        )
        .map { "\($0.text(0) ?? "")|\($0.integer(1))|\($0.text(2) ?? "")" }.sorted()
        /// `id|account id|columns…` of a Salesforce table's rows, sorted, as the Sandbox checksums them.
        func checksum(_ table: String, _ columns: String) throws -> String {
            let lines = try database.makeStatement(
                """
                SELECT r.external_id || '|' || a.external_id || '|' || \(columns)
                FROM \(table) r JOIN accounts a ON a.id = r.account_id WHERE r.source = 'salesforce'
                """
            ).map { $0.text(0) ?? "" }
            return Checksum.hex(lines.sorted().joined(separator: "\n"))
        }
        return [
            "salesforce_contacts": try count("SELECT count(*) FROM contacts WHERE source = 'salesforce'"),
            "salesforce_contact_checksum": try checksum(
                "contacts",
                "coalesce(r.name, '') || '|' || coalesce(r.email, '') || '|' || coalesce(r.last_activity_date, '')"),
            "salesforce_opportunities": try count("SELECT count(*) FROM deals WHERE source = 'salesforce'"),
            "salesforce_opportunity_checksum": try checksum(
                "deals",
                "r.stage || '|' || r.amount_cents || '|' || r.is_closed || '|' || r.is_won || '|' || "
                    + "coalesce(r.close_date, '')"
            ),
            "salesforce_cases": try count("SELECT count(*) FROM tickets WHERE source = 'salesforce'"),
            "salesforce_case_checksum": try checksum(
                "tickets", "r.priority || '|' || r.status || '|' || coalesce(substr(r.closed_at, 1, 10), '')"),
            "salesforce_accounts": try count(
                "SELECT count(*) FROM accounts WHERE source = 'salesforce' AND deleted_at IS NULL"),
            "salesforce_deleted_accounts": try count(
                "SELECT count(*) FROM accounts WHERE source = 'salesforce' AND deleted_at IS NOT NULL"),
            "salesforce_account_checksum": Checksum.hex(accounts.joined(separator: "\n")),
            "chargebee_customers": try count(
                "SELECT count(*) FROM accounts WHERE source = 'chargebee' AND deleted_at IS NULL"),
            "chargebee_deleted_customers": try count(
                "SELECT count(*) FROM accounts WHERE source = 'chargebee' AND deleted_at IS NOT NULL"),
            "chargebee_invoices": try count("SELECT count(*) FROM invoices WHERE source = 'chargebee'"),
            "chargebee_paid_invoices": try count(
                "SELECT count(*) FROM invoices WHERE source = 'chargebee' AND status = 'paid'"),
            "chargebee_invoice_checksum": Checksum.hex(invoices.joined(separator: "\n")),
            "chargebee_subscriptions": try count(
                "SELECT count(*) FROM mrr_changes WHERE source = 'chargebee' AND external_id LIKE '%:start'"),
            "chargebee_cancelled_subscriptions": try count(
                "SELECT count(*) FROM mrr_changes WHERE source = 'chargebee' AND external_id LIKE '%:end'"),
            "chargebee_subscription_checksum": Checksum.hex(subscriptions.joined(separator: "\n")),
        ]
    }

    static func sandboxSummary(_ sandbox: SandboxProcess) throws -> [String: String] {
        try sandbox.control("GET", "/_sandbox/summary?apis=salesforce,chargebee").mapValues { "\($0)" }
    }

    /// Today in UTC, as the Sandbox dates what it closes now.
    static var today: String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return formatter.string(from: Date())
    }

    static func scalar(_ path: String, _ sql: String) throws -> Int64? {
        try Database(path: path).makeStatement(sql).map { $0.integer(0) }.first
    }

    @Test(arguments: Engine.allCases) func fullThenIncrementalSyncsEndWithTheSourceData(engine: Engine) throws {
        let sandbox = try SandboxProcess()
        let scorebook = try ScorebookProcess(engine: engine)
        let config = scorebook.path("sfcb.yml")
        try sandbox.salesforceChargebeeConfiguration(pageSize: 50).write(
            toFile: config, atomically: true, encoding: .utf8)
        let db = (try scorebook.database("sfcb.db"))
        let common = ["--db", db, "--config", config]

        var clock = Date()
        let first = try scorebook.run(["sync"] + common, environment: SandboxProcess.environment)
        let fullSeconds = Date().timeIntervalSince(clock)
        #expect(first.status == 0, "\(first.stderr)")
        let source = try Self.sandboxSummary(sandbox)
        #expect(source["salesforce_accounts"] == "200")
        #expect(
            Int(source["salesforce_opportunities"] ?? "") ?? 0 > 200 && Int(source["salesforce_cases"] ?? "") ?? 0 > 100
        )
        #expect(try Self.databaseSummary(db) == source)

        try sandbox.control(
            "POST", "/_sandbox/mutate",
            [
                "salesforce_renamed": 3, "salesforce_deleted": 2, "chargebee_paid": 4, "chargebee_renamed": 2,
                "chargebee_deleted": 1, "chargebee_cancelled": 2, "chargebee_subscriptions_deleted": 1,
                "salesforce_opportunities_won": 2, "salesforce_cases_closed": 3, "salesforce_contacts_deleted": 1,
                "salesforce_contacts_moved": 2,
            ])
        clock = Date()
        let second = try scorebook.run(["sync"] + common, environment: SandboxProcess.environment)
        let incrementalSeconds = Date().timeIntervalSince(clock)
        #expect(second.status == 0, "\(second.stderr)")
        let changed = try Self.sandboxSummary(sandbox)
        #expect(changed["salesforce_deleted_accounts"] == "2" && changed["chargebee_deleted_customers"] == "1")
        #expect(try Self.databaseSummary(db) == changed)
        #expect(
            try Self.scalar(db, "SELECT count(*) FROM accounts WHERE source = 'salesforce' AND name LIKE '% (renamed)'")
                == 3)
        // The deleted subscription (the deleted customer's, ended with it) lost its MRR changes; 2 others were
        // cancelled.
        let live = { (summary: [String: String], key: String) in Int(summary["chargebee_" + key] ?? "") ?? -1 }
        #expect(live(changed, "subscriptions") == live(source, "subscriptions") - 1)
        #expect(live(changed, "cancelled_subscriptions") == live(source, "cancelled_subscriptions") + 2)
        #expect(
            try Database(path: db).makeStatement(
                """
                SELECT records, inserts, updates, deletes FROM sync_log WHERE source = 'chargebee' AND stream = 'subscriptions'
                ORDER BY id DESC LIMIT 1
                """
            ).map { [$0.integer(0), $0.integer(1), $0.integer(2), $0.integer(3)] } == [[3, 0, 2, 1]])
        // The incremental pass asked only for what changed: 3 renamed and 2 deleted accounts, 3 customers, 3
        // subscriptions, 4 invoices, 2 opportunities won, 3 cases closed, 1 contact deleted, 2 contacts moved to
        // another account (each kept once, under it) and the contacts, opportunities and cases the 2 deleted accounts
        // took with them (each written: a row removed).
        let removed = ["salesforce_contacts", "salesforce_opportunities", "salesforce_cases"].reduce(0) { sum, key in
            sum + (Int(source[key] ?? "") ?? 0) - (Int(changed[key] ?? "") ?? 0)
        }
        #expect(removed >= 1 + 2)  // each deleted account had a contact at least
        #expect(
            second.stdout.hasPrefix(
                "synced chargebee, salesforce: \(17 + 5 + removed) records, \(18 + 5 + removed) written"),
            "\(second.stdout)")
        #expect(
            try Self.scalar(
                db,
                "SELECT count(*) FROM deals WHERE source = 'salesforce' AND stage = 'Closed Won' AND close_date "
                    + "= '\(Self.today)'"
            )
                == 2)

        let third = try scorebook.run(["sync"] + common, environment: SandboxProcess.environment)
        #expect(third.status == 0 && third.stdout.contains(" records, 0 written"), "\(third.stdout)")
        print("salesforce + chargebee, 200 accounts: full \(fullSeconds) s, incremental \(incrementalSeconds) s")

        // Identity: the explicit cf_salesforce_account_id link, else the e-mail domain; the rest are listed.
        let explicit = try Self.scalar(
            db,
            """
            SELECT count(*) FROM accounts b JOIN accounts c ON c.id = b.canonical_id
            WHERE b.source = 'chargebee' AND b.external_id = '16CB00000051' AND c.external_id = '001SB0000000000051'
            """)
        #expect(explicit == 1)
        #expect(
            try Self.scalar(db, "SELECT count(*) FROM accounts WHERE source = 'chargebee' AND canonical_id IS NOT NULL")
                ?? 0 > 150)
        let unlinked = try scorebook.run(["accounts", "--unlinked"] + common)
        #expect(unlinked.stdout.contains("chargebee   16CB00000017"), "\(unlinked.stdout)")
        // Money stays in minor units, currencies as Stripe's, Salesforce datetimes become days.
        #expect(
            try Self.scalar(db, "SELECT count(*) FROM invoices WHERE source = 'chargebee' AND currency <> 'usd'") == 0)
        #expect(
            try Self.scalar(db, "SELECT count(*) FROM accounts WHERE source = 'salesforce' AND created_date IS NULL")
                == 0)
    }

    @Test(arguments: Engine.allCases) func requestLimitStopsInOneLineFaultsAreSurvivedAndARerunFinishes(engine: Engine)
        throws
    {
        let sandbox = try SandboxProcess(accounts: 120)
        let scorebook = try ScorebookProcess(engine: engine)
        let config = scorebook.path("limits.yml")
        try sandbox.salesforceChargebeeConfiguration(pageSize: 20).write(
            toFile: config, atomically: true, encoding: .utf8)
        let db = (try scorebook.database("limits.db"))
        let common = ["--db", db, "--config", config]

        // Survived: Chargebee 429 with and without Retry-After, 503, a cut-off body; Salesforce 503, invalid JSON and
        // an expired query locator (the pass asks again from its last record).
        for (kind, path) in [
            ("rate_limit", "/api/v2/invoices"), ("rate_limit_no_retry_after", "/api/v2/customers"),
            ("server_error", "/api/v2"),
            ("cut_off", "/api/v2/invoices"), ("server_error", "/services/data"), ("invalid_json", "/services/data"),
            ("invalid_locator", "/services/data/v60.0/query/"), ("rate_limit", "/api/v2/subscriptions"),
            ("cut_off", "/api/v2/subscriptions"), ("invalid_json", "/api/v2/subscriptions"),
        ] {
            try sandbox.control("POST", "/_sandbox/faults", ["kind": kind, "path": path, "times": 1, "retry_after": 1])
        }
        let survived = try scorebook.run(["sync"] + common, environment: SandboxProcess.environment)
        #expect(survived.status == 0, "\(survived.stderr)")
        #expect(try Self.databaseSummary(db) == Self.sandboxSummary(sandbox))

        // Salesforce's 24-hour quota: one request, one line, exit 1 (a retry would have succeeded: the fault is once).
        try sandbox.control("POST", "/_sandbox/mutate", ["salesforce_renamed": 2, "chargebee_paid": 2])
        try sandbox.control(
            "POST", "/_sandbox/faults", ["kind": "request_limit", "path": "/services/data", "times": 1])
        let limited = try scorebook.run(["sync", "salesforce"] + common, environment: SandboxProcess.environment)
        #expect(limited.status == 1)
        #expect(
            limited.stderr
                == "Error: salesforce accounts page 1: HTTP 403 REQUEST_LIMIT_EXCEEDED: the org's 24-hour API request "
                + "limit is used up; the sync stops, run it again when the quota has recovered\n")
        #expect(limited.stdout.isEmpty)

        try sandbox.control(
            "POST", "/_sandbox/faults", ["kind": "expired_token", "path": "/api/v2/customers", "times": 1])
        let expired = try scorebook.run(["sync", "chargebee"] + common, environment: SandboxProcess.environment)
        #expect(expired.status == 1)
        #expect(
            expired.stderr
                == "Error: chargebee customers page 1: HTTP 401 api_authentication_failed: Sorry, "
                + "authentication failed. "
                + "Invalid api key\n")

        try sandbox.control("POST", "/_sandbox/mutate", ["chargebee_cancelled": 2])
        try sandbox.control(
            "POST", "/_sandbox/faults", ["kind": "expired_token", "path": "/api/v2/subscriptions", "times": 1])
        let stopped = try scorebook.run(["sync", "chargebee"] + common, environment: SandboxProcess.environment)
        #expect(stopped.status == 1)
        #expect(
            stopped.stderr
                == "Error: chargebee subscriptions page 1: HTTP 401 api_authentication_failed: Sorry, authentication "
                + "failed. Invalid api key\n")
        // A proxy answering the first page of subscriptions again: the repeated offset stops the sync in one line.
        try sandbox.control(
            "POST", "/_sandbox/faults", ["kind": "repeat_page", "path": "/api/v2/subscriptions", "times": 2])
        let looped = try scorebook.run(
            ["sync", "chargebee", "--full"] + common, environment: SandboxProcess.environment)
        #expect(looped.status == 1)
        #expect(
            looped.stderr.hasPrefix("Error: chargebee subscriptions: next_offset [")
                && looped.stderr.hasSuffix("] repeated; stopping instead of looping\n"), "\(looped.stderr)")

        let rerun = try scorebook.run(["sync"] + common, environment: SandboxProcess.environment)
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(try Self.databaseSummary(db) == Self.sandboxSummary(sandbox))
        // The log keeps the failure; where the streams stand, after the rerun, no longer shows it.
        let history = try scorebook.run(["sync", "--status", "--history", "100"] + common)
        #expect(history.stdout.contains("REQUEST_LIMIT_EXCEEDED"))
        let status = try scorebook.run(["sync", "--status"] + common)
        #expect(
            !status.stdout.contains("REQUEST_LIMIT_EXCEEDED") && status.stdout.contains("salesforce  accounts "),
            "\(status.stdout)")
    }

    @Test(arguments: Engine.allCases) func anExpiredQueryLocatorAsksAgainFromTheLastRecordWritten(engine: Engine) throws
    {
        let sandbox = try SandboxProcess(accounts: 60)
        let scorebook = try ScorebookProcess(engine: engine)
        let config = scorebook.path("locator.yml")
        try sandbox.salesforceChargebeeConfiguration(pageSize: 10).write(
            toFile: config, atomically: true, encoding: .utf8)
        let db = (try scorebook.database("locator.db"))
        let common = ["--db", db, "--config", config]
        try sandbox.control(
            "POST", "/_sandbox/faults", ["kind": "invalid_locator", "path": "/services/data/v60.0/query/", "times": 2])
        let run = try scorebook.run(["sync", "salesforce"] + common, environment: SandboxProcess.environment)
        #expect(run.status == 0, "\(run.stderr)")
        let log = try Database(path: db).makeStatement(
            "SELECT records, inserts, updates, retries FROM sync_log WHERE source = 'salesforce' AND stream = "
                + "'accounts'"
        )
        .map { [$0.integer(0), $0.integer(1), $0.integer(2), $0.integer(3)] }
        // Two restarts, and every account written exactly once: the restarted queries skipped what was written.
        #expect(log == [[60, 60, 0, 2]])
        #expect(try Self.scalar(db, "SELECT count(*) FROM accounts WHERE source = 'salesforce'") == 60)
    }

    @Test(arguments: Engine.allCases) func anOpportunityOfAnAccountNoSyncWroteBringsItsAccountById(engine: Engine)
        throws
    {
        let sandbox = try SandboxProcess(accounts: 60)
        let scorebook = try ScorebookProcess(engine: engine)
        let config = scorebook.path("unknown.yml")
        try sandbox.salesforceChargebeeConfiguration(pageSize: 25).write(
            toFile: config, atomically: true, encoding: .utf8)
        let db = (try scorebook.database("unknown.db"))
        let common = ["--db", db, "--config", config]
        let first = try scorebook.run(["sync", "salesforce"] + common, environment: SandboxProcess.environment)
        #expect(first.status == 0, "\(first.stderr)")
        // Forget the account of the first open opportunity (the one the Sandbox wins next), as if it had been created
        // after the accounts pass: the incremental opportunities pass must read it by id rather than drop the deal.
        let database = try Database(path: db)
        let account =
            try database.makeStatement(
                """
                SELECT a.external_id FROM deals d JOIN accounts a ON a.id = d.account_id
                WHERE d.source = 'salesforce' AND d.is_closed = 0 ORDER BY d.external_id LIMIT 1
                """
            ).map { $0.text(0) ?? "" }.first ?? ""
        for table in ["contacts", "deals", "tickets", "accounts"] {
            let column = table == "accounts" ? "id" : "account_id"
            try database.makeStatement(
                "DELETE FROM \(table) WHERE \(column) IN (SELECT id FROM accounts WHERE source = 'salesforce' "
                    + "AND external_id = ?)"
            ).run([.text(account)])
        }
        try sandbox.control("POST", "/_sandbox/mutate", ["salesforce_opportunities_won": 1])
        let second = try scorebook.run(["sync", "salesforce"] + common, environment: SandboxProcess.environment)
        #expect(second.status == 0, "\(second.stderr)")
        let filed = try Self.scalar(
            db,
            """
            SELECT count(*) FROM deals d JOIN accounts a ON a.id = d.account_id
            WHERE a.external_id = '\(account)' AND a.deleted_at IS NULL AND a.name IS NOT NULL AND d.is_won = 1
            """)
        #expect(!account.isEmpty && filed == 1)
    }

    @Test func killingTheSyncAtRandomPointsLosesAndDuplicatesNothing() throws {
        let sandbox = try SandboxProcess(accounts: 150)
        let scorebook = try ScorebookProcess()
        let config = scorebook.path("kill.yml")
        try sandbox.salesforceChargebeeConfiguration(pageSize: 10).write(
            toFile: config, atomically: true, encoding: .utf8)
        let db = scorebook.path("kill.db")
        let common = ["--db", db, "--config", config]
        // Twenty kills at random points, with the source changing along the way.
        try scorebook.killSyncAtRandomPoints(
            rounds: 20, arguments: common, environment: SandboxProcess.environment, maxPause: 0.8
        ) { round in
            if round == 10 {
                try sandbox.control(
                    "POST", "/_sandbox/mutate",
                    [
                        "salesforce_renamed": 2, "salesforce_deleted": 1, "chargebee_paid": 3, "chargebee_cancelled": 2,
                        "chargebee_subscriptions_deleted": 1, "salesforce_opportunities_won": 2,
                        "salesforce_cases_closed": 2,
                    ])
            }
        }
        let finish = try scorebook.run(["sync"] + common, environment: SandboxProcess.environment)
        #expect(finish.status == 0, "\(finish.stderr)")
        #expect(try Self.databaseSummary(db) == Self.sandboxSummary(sandbox))
        #expect(
            try Self.scalar(
                db,
                """
                SELECT count(*) FROM (SELECT 1 FROM invoices GROUP BY source, external_id HAVING count(*) > 1
                UNION ALL SELECT 1 FROM accounts GROUP BY source, external_id HAVING count(*) > 1
                UNION ALL SELECT 1 FROM mrr_changes GROUP BY source, external_id HAVING count(*) > 1
                UNION ALL SELECT 1 FROM contacts GROUP BY source, external_id HAVING count(*) > 1
                UNION ALL SELECT 1 FROM deals GROUP BY source, external_id HAVING count(*) > 1
                UNION ALL SELECT 1 FROM tickets GROUP BY source, external_id HAVING count(*) > 1)
                """) == 0)
    }

    @Test(arguments: Engine.allCases) func tokensNeverReachOutputLogsOrTheDatabase(engine: Engine) throws {
        let sandbox = try SandboxProcess(accounts: 60)
        let scorebook = try ScorebookProcess(engine: engine)
        let config = scorebook.path("token.yml")
        try sandbox.salesforceChargebeeConfiguration().write(toFile: config, atomically: true, encoding: .utf8)
        let common = ["--db", (try scorebook.database("token.db")), "--config", config]
        try sandbox.control(
            "POST", "/_sandbox/faults", ["kind": "expired_token", "path": "/services/data", "times": 1])
        let failed = try scorebook.run(["sync"] + common, environment: SandboxProcess.environment)
        #expect(failed.status == 1)
        let good = try scorebook.run(["sync"] + common, environment: SandboxProcess.environment)
        #expect(good.status == 0, "\(good.stderr)")
        let status = try scorebook.run(["sync", "--status"] + common)
        let wrong = try scorebook.run(
            ["sync"] + common,
            environment: [
                "SALESFORCE_TOKEN": "00Dwrong!secret-session-4321", "CHARGEBEE_API_KEY": "test_wrong_secret_key_8765",
            ])
        #expect(wrong.stderr.contains("HTTP 401 INVALID_SESSION_ID"))
        var everything = [failed, good, status, wrong].map { $0.stdout + $0.stderr }.joined()
        for name in try FileManager.default.contentsOfDirectory(atPath: scorebook.folder.path) {
            everything += String(
                decoding: (try? Data(contentsOf: scorebook.folder.appendingPathComponent(name))) ?? Data(),
                as: UTF8.self)
        }
        everything += try scorebook.storedText("token.db")
        #expect(everything.contains("001SB0000000000001"))  // the database was read: an account id is there
        let basic = Data((SandboxProcess.chargebeeKey + ":").utf8).base64EncodedString()
        for token in [
            SandboxProcess.salesforceToken, SandboxProcess.chargebeeKey, basic, "00Dwrong!secret-session-4321",
            "test_wrong_secret_key_8765",
        ] {
            #expect(!everything.contains(token), "the token \(token.prefix(8))... leaked")
        }
    }
}
