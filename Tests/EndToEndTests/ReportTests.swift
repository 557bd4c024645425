import Foundation
import Testing

/// Runs headless Chromium on a file: its DOM as Chromium parsed it, its log, and a screenshot.
private func chromium(_ arguments: [String]) throws -> (stdout: String, stderr: String, status: Int32) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments =
        ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr", "--v=0"] + arguments
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self), process.terminationStatus)
}

private func occurrences(of needle: String, in text: String) -> Int {
    text.components(separatedBy: needle).count - 1
}

@Test func theHTMLReportRendersInChromiumWithTheExpectedCharts() throws {
    let scorebook = try ScorebookProcess()
    let config = ScorebookProcess.fixture("seed004/scorebook.yml")
    let common = ["--db", scorebook.path("r.db"), "--config", config]
    #expect(
        try scorebook.run(["import", "accounts", ScorebookProcess.fixture("seed004/accounts.csv")] + common).status == 0
    )
    #expect(
        try scorebook.run(["import", "invoices", ScorebookProcess.fixture("seed004/invoices.csv")] + common).status == 0
    )
    let outcomes = scorebook.path("outcomes.csv")
    try "account_id,event,event_date\nepsilon,churned,2025-02-01\ndelta,churned,2025-03-01\n"
        .write(toFile: outcomes, atomically: true, encoding: .utf8)
    #expect(try scorebook.run(["import", "outcomes", outcomes] + common).status == 0)
    #expect(try scorebook.run(["run", "seed_rfm", "--as-of", "2024-12-01"] + common).status == 0)
    #expect(try scorebook.run(["run", "seed_rfm", "--as-of", "2025-01-01"] + common).status == 0)
    let page = scorebook.path("report.html")
    let report = try scorebook.run(["report", "--html", page, "--outcome", "churned", "seed_rfm"] + common)
    #expect(report.status == 0, "\(report.stderr)")
    let html = try String(contentsOfFile: page, encoding: .utf8)
    #expect(!html.contains("<script"))
    #expect(!html.contains("http://") || !html.contains("src=\"http"))

    let dom = try chromium(["--dump-dom", "file://" + page])
    #expect(dom.status == 0)
    #expect(!dom.stderr.contains("CONSOLE"), "console messages: \(dom.stderr)")
    let text = dom.stdout
    // Five segments of one account each, in band order (Champion, the best, first; Lost, the worst, last).
    #expect(text.contains("At risk: 1 accounts in <span class=\"band\""), "the worst band's accounts")
    let champion = try #require(text.range(of: ">Champion</span>")), lost = try #require(text.range(of: ">Lost</span>"))
    #expect(champion.lowerBound < lost.lowerBound, "bands from best to worst")
    #expect(text.contains("Epsilon Ltd") && text.contains("none on file"), "Epsilon at risk, no contact on file")
    #expect(text.contains("Movers since run 1 as of 2024-12-01"))
    #expect(text.contains("5 accounts in both runs"))
    #expect(text.contains("Accounts per band, best to worst"))
    #expect(text.contains("Mean score by as-of day (2 current runs)"))
    #expect(text.contains("2 of 5 accounts had churned"), "the validation's counts")
    #expect(text.contains("false positive rate") && text.contains("true positive rate"), "the ROC's axes")
    #expect(text.contains("Lift by decile, riskiest first (1.0 is the base rate)"))
    // 5 band bars + 10 histogram bins + 5 lift deciles (five accounts: the empty deciles are left out); each band
    // bar's count printed above it; 2 runs in the trend; one ROC curve; one 1.0 line.
    #expect(occurrences(of: "class=\"bar\"", in: text) == 20)
    #expect(occurrences(of: "<text x=\"", in: text) > 60, "axes and values are printed, not in tooltips")
    #expect(occurrences(of: "class=\"point\"", in: text) == 2)
    #expect(occurrences(of: "class=\"roc\"", in: text) == 1)
    #expect(occurrences(of: "class=\"reference\"", in: text) == 1)
    #expect(occurrences(of: "class=\"pair\"", in: text) == 0, "no pair was asked for")
    #expect(text.contains("Acme Corp"))

    let shot = scorebook.path("report.png")
    let screenshot = try chromium(
        ["--hide-scrollbars", "--window-size=1400,2400", "--screenshot=\(shot)", "file://" + page])
    #expect(screenshot.status == 0)
    let png = try Data(contentsOf: URL(fileURLWithPath: shot))
    #expect(png.count > 10_000)
    #expect(png.prefix(4) == Data([0x89, 0x50, 0x4E, 0x47]))
    let pdf = scorebook.path("report.pdf")
    #expect(try chromium(["--no-pdf-header-footer", "--print-to-pdf=\(pdf)", "file://" + page]).status == 0)
    #expect(try Data(contentsOf: URL(fileURLWithPath: pdf)).prefix(5) == Data("%PDF-".utf8))

    let paired = try scorebook.run(
        ["report", "--html", page, "--outcome", "renewed", "--pair", "seed_rfm@2024-12-01,seed_rfm", "seed_rfm"]
            + common)
    #expect(paired.status == 0, "\(paired.stderr)")
    let second = try String(contentsOfFile: page, encoding: .utf8)
    #expect(occurrences(of: "class=\"pair\"", in: second) == 1)
    #expect(second.contains("Nothing to validate against: no renewed outcome"), "a line when the outcome finds nothing")
    #expect(occurrences(of: "class=\"roc\"", in: second) == 0)
}
