import Foundation
import Store
import Testing

/// The same data on SQLite and on PostgreSQL: every score, every comparison and every backtest the binary prints is
/// the same on both, to twelve significant digits (a sum of doubles taken in another row order can differ in its last
/// bit; the account score's decayed engagement does).
@Test func everyScoreComparisonAndBacktestIsTheSameOnSQLiteAndPostgreSQL() throws {
    let lite = try ScorebookProcess(engine: .sqlite)
    let server = try ScorebookProcess(engine: .postgres)
    let data = lite.path("data")
    #expect(try lite.run(["generate", "--accounts", "500", "--seed", "17", "--out", data]).status == 0)
    var outputs: [Engine: [String]] = [:]
    for scorebook in [lite, server] {
        let common = ["--db", try scorebook.database("parity.db")]
        var printed: [String] = []
        func run(_ arguments: [String]) throws {
            let output = try scorebook.run(arguments + common)
            #expect(output.status == 0, "\(scorebook.engine) \(arguments): \(output.stderr)")
            // Everything but how long a run took.
            let untimed = output.stdout.replacingOccurrences(
                of: #" in [0-9.]+ s\n"#, with: "\n", options: .regularExpression)
            printed.append("$ \(arguments.joined(separator: " "))\n\(roundedToTwelveDigits(untimed))")
        }
        #expect(try scorebook.run(["init"] + common).status == 0)
        for kind in ["accounts", "invoices", "mrr", "usage", "tickets", "nps", "assessments", "outcomes", "contacts"] {
            try run(["import", kind, data + "/\(kind).csv"])
        }
        try run(["run", "--as-of", "2026-07-31"])
        try run(["run", "--as-of", "2026-10-31"])
        for score in ["rfm", "health", "churn", "credit", "account", "clv", "referral"] {
            try run(["show", score, "--format", "csv"])
            try run(["compare", "\(score)@2026-07-31", "\(score)@2026-10-31", "--format", "json"])
        }
        try run(["compare", "rfm", "health", "--format", "json"])
        try run(["validate", "churn", "--as-of", "2026-07-31", "--horizon", "90d", "--format", "json"])
        try run(["explain", "health", "--format", "json", try firstAccount(scorebook, common)])
        outputs[scorebook.engine] = printed
    }
    let (a, b) = (outputs[.sqlite] ?? [], outputs[.postgres] ?? [])
    #expect(a.count == b.count && a.count > 20)
    for (left, right) in zip(a, b) where left != right {
        let line = zip(left.split(separator: "\n"), right.split(separator: "\n")).first { $0 != $1 }
        Issue.record("differs: \(left.prefix(60))... first differing line: \(String(describing: line).prefix(600))")
    }
    // Positive control: the outputs hold scores, not just empty tables.
    #expect(a.contains { $0.contains("Champion") } && a.contains { $0.contains("\"auc\"") || $0.contains("auc") })
}

/// The first account of the accounts listing.
private func firstAccount(_ scorebook: ScorebookProcess, _ common: [String]) throws -> String {
    let listing = try scorebook.run(["accounts", "--format", "csv"] + common)
    let row = listing.stdout.split(separator: "\n").dropFirst().first ?? ""
    return String(row.split(separator: ",").dropFirst().first ?? "")
}

/// `text` with every decimal number written to twelve significant digits.
private func roundedToTwelveDigits(_ text: String) -> String {
    let pattern = try! NSRegularExpression(pattern: #"-?[0-9]+\.[0-9]+(e[-+]?[0-9]+)?"#)
    var result = ""
    var last = text.startIndex
    for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
        guard let range = Range(match.range, in: text), let number = Double(text[range]) else { continue }
        result += text[last..<range.lowerBound] + String(format: "%.12g", number)
        last = range.upperBound
    }
    return result + text[last...]
}
