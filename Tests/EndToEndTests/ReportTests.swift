import Foundation
import Testing

/// Runs headless Chromium on a file: its DOM as Chromium parsed it, its log, and a screenshot.
private func chromium(_ arguments: [String]) throws -> (stdout: String, stderr: String, status: Int32) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr", "--v=0"] + arguments
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
    #expect(try scorebook.run(["import", "accounts", ScorebookProcess.fixture("seed004/accounts.csv")] + common).status == 0)
    #expect(try scorebook.run(["import", "invoices", ScorebookProcess.fixture("seed004/invoices.csv")] + common).status == 0)
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
    // 10 histogram bins + 5 bands (five segments in the seed table) + 5 lift deciles (five accounts: the empty
    // deciles are left out); 2 runs in the trend.
    #expect(occurrences(of: "class=\"bar\"", in: dom.stdout) == 20)
    #expect(occurrences(of: "class=\"point\"", in: dom.stdout) == 2)
    #expect(occurrences(of: "class=\"roc\"", in: dom.stdout) == 1)
    #expect(dom.stdout.contains("Acme Corp"))

    let shot = scorebook.path("report.png")
    let screenshot = try chromium(["--window-size=1200,1600", "--screenshot=\(shot)", "file://" + page])
    #expect(screenshot.status == 0)
    let png = try Data(contentsOf: URL(fileURLWithPath: shot))
    #expect(png.count > 10_000)
    #expect(png.prefix(4) == Data([0x89, 0x50, 0x4E, 0x47]))
}
