import Foundation
import Testing

/// Names and ids that carry terminal escapes or spreadsheet formulas, through every command that shows them.
@Test func hostileNamesNeitherDriveTheTerminalNorRunInASpreadsheet() throws {
    let scorebook = try ScorebookProcess()
    let common = ["--db", scorebook.path("hostile.db")]
    let title = "\u{1B}]0;pwned\u{07}"
    try """
    account_id,name
    acc-1,"=HYPERLINK(""http://evil"",""x"")"
    acc-\u{1B}[2J,"\(title)Evil\rCorp"
    acc-3,"@SUM(1+1)"
    """.write(toFile: scorebook.path("accounts.csv"), atomically: true, encoding: .utf8)
    try """
    invoice_id,account_id,issued_date,amount_due_cents,paid_date
    i1,acc-1,2025-01-01,100,2025-01-02
    i2,acc-\u{1B}[2J,2025-02-01,200,2025-02-02
    i3,acc-3,2025-02-10,300,2025-02-11
    """.write(toFile: scorebook.path("invoices.csv"), atomically: true, encoding: .utf8)
    #expect(try scorebook.run(["init"] + common).status == 0)
    #expect(try scorebook.run(["import", "accounts", scorebook.path("accounts.csv")] + common).status == 0)
    #expect(try scorebook.run(["import", "invoices", scorebook.path("invoices.csv")] + common).status == 0)
    #expect(try scorebook.run(["run", "rfm", "--as-of", "2025-03-01"] + common).status == 0)

    let outputs = [
        try scorebook.run(["show", "rfm"] + common),
        try scorebook.run(["show", "rfm", "--format", "csv"] + common),
        try scorebook.run(["explain", "rfm", "acc-\u{1B}[2J"] + common),
        try scorebook.run(["explain", "rfm", "acc-\u{1B}]0;x\u{07}"] + common),
        try scorebook.run(["compare", "rfm", "rfm"] + common),
        try scorebook.run(["accounts", "--unlinked"] + common),
    ]
    for output in outputs {
        #expect(
            !output.stdout.contains("\u{1B}") && !output.stderr.contains("\u{1B}"), "\(output.stdout)\(output.stderr)")
        #expect(!output.stdout.contains("\u{07}") && !output.stderr.contains("\u{07}"))
    }
    #expect(outputs[0].stdout.contains("\\u001B]0;pwned\\u0007Evil\\u000DCorp"))
    #expect(outputs[2].status == 0 && outputs[2].stdout.contains("\\u001B[2J"))
    #expect(outputs[3].status == 1 && outputs[3].stderr.contains("acc-\\u001B]0;x\\u0007"))

    let csv = outputs[1].stdout.split(separator: "\n").map(String.init)
    #expect(csv.count == 4, "\(csv)")
    #expect(csv.contains { $0.hasPrefix("acc-1,\"'=HYPERLINK(") })
    #expect(csv.contains { $0.hasPrefix("acc-3,'@SUM(1+1),") })

    let json = try scorebook.run(["show", "rfm", "--format", "json"] + common)
    let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
    let names = (object?["rows"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
    #expect(names?.contains("\(title)Evil\rCorp") == true, "JSON reads back the name as stored")
}
