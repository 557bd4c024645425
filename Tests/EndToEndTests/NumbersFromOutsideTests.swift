import Foundation
import Testing

/// Numbers no column can hold, sent by an API or written in a file: the record is left out (a sync) or the file
/// refused (an import) in one line, and nothing traps, then or on the next run.
@Test func outOfRangeNumbersLeaveTheirRecordOutAndTheSyncGoesOn() throws {
    let sandbox = try SandboxProcess(accounts: 30)
    let scorebook = try ScorebookProcess()
    try (sandbox.configuration() + "\n").write(toFile: scorebook.path("n.yml"), atomically: true, encoding: .utf8)
    let common = ["--db", scorebook.path("n.db"), "--config", scorebook.path("n.yml")]
    let faults: [(path: String, field: String, literal: String)] = [
        ("/v1/invoices", "amount_due", "1e30"),
        ("/v1/subscriptions", "items.data.price.unit_amount", "9000000000000000000"),
        ("/v1/charges", "created", "-9223372036854775808"),
    ]
    for fault in faults {
        try sandbox.control(
            "POST", "/_sandbox/faults",
            [
                "kind": "huge_number", "path": fault.path, "times": 1, "field": fault.field, "literal": fault.literal,
            ])
    }
    let synced = try scorebook.run(["sync", "stripe"] + common, environment: SandboxProcess.environment)
    #expect(synced.status == 0, "\(synced.stderr)")
    let warnings = synced.stderr.split(separator: "\n").filter { $0.hasPrefix("warning: ") }
    #expect(warnings.count == 3, "\(synced.stderr)")
    #expect(
        warnings.contains { $0.contains("stripe invoices in_") && $0.contains("`amount_due` 1e+30 is out of range") })
    #expect(warnings.contains { $0.contains("stripe subscriptions sub_") && $0.contains("unit_amount") })
    #expect(warnings.contains { $0.contains("stripe charges ch_") && $0.contains("`created`") })
    #expect(synced.stdout.contains("3 left out"), "\(synced.stdout)")
    let again = try scorebook.run(["sync", "stripe"] + common, environment: SandboxProcess.environment)
    #expect(again.status == 0, "a rerun does not trip over what was left out: \(again.stderr)")
}

@Test func outOfRangeAmountsFromSalesforceAndChargebeeAreLeftOut() throws {
    let sandbox = try SandboxProcess(accounts: 30)
    let scorebook = try ScorebookProcess()
    try sandbox.salesforceChargebeeConfiguration().write(
        toFile: scorebook.path("n.yml"), atomically: true, encoding: .utf8)
    let common = ["--db", scorebook.path("n.db"), "--config", scorebook.path("n.yml")]
    try sandbox.control(
        "POST", "/_sandbox/faults",
        [
            "kind": "huge_number", "path": "/services/data", "times": -1, "field": "Amount", "literal": "1e300",
        ])
    try sandbox.control(
        "POST", "/_sandbox/faults",
        [
            "kind": "huge_number", "path": "/api/v2/subscriptions", "times": 1,
            "field": "subscription.subscription_items.amount", "literal": "18000000000000000000",
        ])
    let synced = try scorebook.run(["sync"] + common, environment: SandboxProcess.environment)
    #expect(synced.status == 0, "\(synced.stderr)")
    #expect(
        synced.stderr.contains("salesforce opportunities 006")
            && synced.stderr.contains("`Amount` 1e+300 is out of range"),
        "\(synced.stderr)")
    #expect(synced.stderr.contains("chargebee subscriptions") && synced.stderr.contains("subscription_items.amount"))
}

@Test func anImportedAmountPastTenTrillionIsRefusedWithItsLine() throws {
    let scorebook = try ScorebookProcess()
    let db = ["--db", scorebook.path("n.db")]
    try "account_id,name\nacme,Acme\n".write(toFile: scorebook.path("a.csv"), atomically: true, encoding: .utf8)
    #expect(try scorebook.run(["import", "accounts", scorebook.path("a.csv")] + db).status == 0)
    for (amount, reason) in [
        ("10000000000000000", "10000000000000000 is out of range"),
        ("99999999999999999999999", "is out of range"), ("1.5", "is not a whole number"),
    ] {
        try "account_id,issued_date,amount_due_cents\nacme,2025-01-01,\(amount)\n"
            .write(toFile: scorebook.path("i.csv"), atomically: true, encoding: .utf8)
        let refused = try scorebook.run(["import", "invoices", scorebook.path("i.csv")] + db)
        #expect(refused.status == 1)
        #expect(
            refused.stderr.contains("i.csv:2: column amount_due_cents:") && refused.stderr.contains(reason),
            "\(refused.stderr)")
    }
}

@Test func anEmployeeRangePastABillionIsAConfigurationErrorWithItsLine() throws {
    let scorebook = try ScorebookProcess()
    try """
    scores:
      fit:
        module: account
        icp:
          revenue_icp:
            industries: [software]
            employees: 1e20-1e21
    """.write(toFile: scorebook.path("c.yml"), atomically: true, encoding: .utf8)
    let checked = try scorebook.run(["check", "--config", scorebook.path("c.yml")])
    #expect(checked.status == 1)
    #expect(
        checked.stderr.contains("c.yml:7") && checked.stderr.contains("employee counts go up to 1000000000"),
        "\(checked.stderr)")
}
