import Connectors
import Foundation
import Store
import Testing

/// A count from the synced database.
private func count(_ path: String, _ sql: String) throws -> Int64 {
    try Database(path: path).makeStatement(sql).map { $0.integer(0) }.first ?? -1
}

/// The newest event the Sandbox serves, asked as a client would.
private func newestEvent(_ sandbox: SandboxProcess) throws -> [String: Any] {
    let client = try HTTPClient(options: HTTPOptions(), requestsPerSecond: 0)
    let request = HTTPRequest(
        method: "GET", url: sandbox.baseURL + "/v1/events?limit=1",
        headers: [("Authorization", "Bearer \(SandboxProcess.stripeToken)")])
    let response = try client.send(request, what: "sandbox events") { _ in .accept }
    return (response.jsonObject?["data"] as? [[String: Any]])?.first ?? [:]
}

@Test func eventsRenderedInAnOlderAPIVersionAreWrittenAsThePinnedVersionHasThem() throws {
    let sandbox = try SandboxProcess(accounts: 60)
    let scorebook = try ScorebookProcess()
    let config = scorebook.path("versions.yml")
    try sandbox.configuration(pageSize: 20).write(toFile: config, atomically: true, encoding: .utf8)
    let db = scorebook.path("versions.db")
    let sync = ["sync", "stripe", "--db", db, "--config", config]
    let first = try scorebook.run(sync, environment: SandboxProcess.environment)
    #expect(first.status == 0, "\(first.stderr)")
    let noProduct = "SELECT count(*) FROM invoices WHERE source = 'stripe' AND product IS NULL"
    let noInvoice = "SELECT count(*) FROM payments WHERE source = 'stripe' AND invoice_external_id IS NULL"
    #expect(try count(db, noProduct) == 0 && count(db, noInvoice) == 0)

    // Events made now come in an older shape: an invoice line's product under `price`, a charge naming its invoice.
    try sandbox.control("POST", "/_sandbox/stripe_event_version", ["api_version": "2024-06-20"])
    try sandbox.control("POST", "/_sandbox/mutate", ["paid": 4, "charges_failed": 2])
    let event = try newestEvent(sandbox)
    #expect(event["api_version"] as? String == "2024-06-20")
    let second = try scorebook.run(sync, environment: SandboxProcess.environment)
    #expect(second.status == 0, "\(second.stderr)")
    // Mapped from their snapshots, the 4 paid invoices would have lost their product; fetched afresh, none did.
    #expect(try count(db, noProduct) == 0)
    #expect(try count(db, noInvoice) == 0)
    let paid = try sandbox.control("GET", "/_sandbox/summary")["paid_invoices"] as? Int
    #expect(
        try count(db, "SELECT count(*) FROM invoices WHERE source = 'stripe' AND status = 'paid'") == Int64(paid ?? -1))
}

@Test func anEmptyStripePageThatSaysMoreFollowIsAskedAgainAndNeverEndsAListing() throws {
    let sandbox = try SandboxProcess(accounts: 60)
    let scorebook = try ScorebookProcess()
    let config = scorebook.path("empty.yml")
    try sandbox.configuration(pageSize: 20).write(toFile: config, atomically: true, encoding: .utf8)
    let db = scorebook.path("empty.db")
    let sync = ["sync", "stripe", "--db", db, "--config", config]
    let summary = try sandbox.control("GET", "/_sandbox/summary")
    let charges = "SELECT count(*) FROM payments WHERE source = 'stripe'"

    // Empty on every try: the sync fails in one line and charges stay unlisted, to resume.
    try sandbox.control("POST", "/_sandbox/faults", ["kind": "empty_page", "path": "/v1/charges", "times": 3])
    let failed = try scorebook.run(sync, environment: SandboxProcess.environment)
    #expect(failed.status == 1)
    #expect(
        failed.stderr.hasPrefix("Error: stripe charges page 1: the page came back empty 3 times"), "\(failed.stderr)")
    #expect(
        try count(
            db,
            "SELECT count(*) FROM sync_state WHERE source = 'stripe' AND stream = 'charges' AND bookmark IS NOT NULL")
            == 0)
    let rerun = try scorebook.run(sync, environment: SandboxProcess.environment)
    #expect(rerun.status == 0, "\(rerun.stderr)")
    #expect(try count(db, charges) == Int64(summary["charges"] as? Int ?? -1))

    // Empty once, mid-listing: asked again, the listing goes on to the end.
    try sandbox.control("POST", "/_sandbox/faults", ["kind": "empty_page", "path": "/v1/customers", "times": 1])
    let full = try scorebook.run(sync + ["--full"], environment: SandboxProcess.environment)
    #expect(full.status == 0, "\(full.stderr)")
    #expect(
        try count(db, "SELECT count(*) FROM accounts WHERE source = 'stripe' AND deleted_at IS NULL")
            == Int64(summary["customers"] as? Int ?? -1))
}

@Test func aCustomerStripeNoLongerKnowsGetsADeletedPlaceholder() throws {
    let sandbox = try SandboxProcess(accounts: 60)
    let scorebook = try ScorebookProcess()
    let config = scorebook.path("missing.yml")
    try sandbox.configuration(pageSize: 20).write(toFile: config, atomically: true, encoding: .utf8)
    let db = scorebook.path("missing.db")
    // Deleted before the first sync, so their invoices' lookups ask for them; each lookup answers 404.
    try sandbox.control("POST", "/_sandbox/mutate", ["deleted": 3])
    try sandbox.control("POST", "/_sandbox/faults", ["kind": "not_found", "path": "/v1/customers/", "times": -1])
    let run = try scorebook.run(
        ["sync", "stripe", "--db", db, "--config", config], environment: SandboxProcess.environment)
    #expect(run.status == 0, "\(run.stderr)")
    let placeholders = try count(
        db, "SELECT count(*) FROM accounts WHERE source = 'stripe' AND deleted_at IS NOT NULL AND name IS NULL")
    #expect(placeholders > 0 && placeholders <= 3)
    #expect(
        try count(db, "SELECT count(*) FROM accounts WHERE source = 'stripe' AND deleted_at IS NOT NULL")
            == placeholders)
    let summary = try sandbox.control("GET", "/_sandbox/summary")
    #expect(
        try count(db, "SELECT count(*) FROM invoices WHERE source = 'stripe'")
            == Int64(summary["invoices"] as? Int ?? -1))
}
