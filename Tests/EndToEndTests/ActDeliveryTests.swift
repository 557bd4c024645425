import Foundation
import Store
import Testing

/// `act` as a crashing machine, a second operator and a bad receiver would meet it: every band change is delivered,
/// each under one delivery id, and no CSV row or task is written twice.
private final class ActFixture {
    let sandbox: SandboxProcess
    let scorebook: ScorebookProcess
    let common: [String]
    let exportPath: String
    static let bands = [
        "Champion", "Loyal", "Potential Loyalist", "New Customer", "Promising", "Needs Attention", "At Risk",
        "Can't Lose Them", "Hibernating", "Lost",
    ]

    init(_ engine: Engine) throws {
        sandbox = try SandboxProcess(accounts: 10)
        scorebook = try ScorebookProcess(engine: engine)
        exportPath = scorebook.path("exports/changes.csv")
        let webhook = "\(sandbox.baseURL)/_sandbox/webhook"
        let export = exportPath
        let actions = Self.bands.map { band in
            """
                  "\(band)":
                    - webhook: \(webhook)
                    - csv: \(export)
            """
        }.joined(separator: "\n")
        try "scores:\n  rfm:\n    module: value\n    actions:\n\(actions)\n"
            .write(toFile: scorebook.path("act.yml"), atomically: true, encoding: .utf8)
        common = ["--db", try scorebook.database("act.db"), "--config", scorebook.path("act.yml")]
        try expectSuccess(["generate", "--accounts", "60", "--out", scorebook.path("data")])
        for kind in ["accounts", "invoices"] {
            try expectSuccess(["import", kind, scorebook.path("data/\(kind).csv")] + common)
        }
    }

    @discardableResult
    func expectSuccess(_ arguments: [String]) throws -> ScorebookProcess.Output {
        let output = try scorebook.run(arguments)
        #expect(output.status == 0, "\(arguments): \(output.stderr)")
        return output
    }

    func run(asOf day: String, _ extra: [String] = []) throws {
        try expectSuccess(["run", "rfm", "--as-of", day] + extra + common)
    }

    /// The webhook deliveries received: delivery id and account, in arrival order.
    func received() throws -> [(id: String, account: String)] {
        try (sandbox.control("GET", "/_sandbox/webhooks")["deliveries"] as? [[String: Any]] ?? []).map { delivery in
            let body =
                (try? JSONSerialization.jsonObject(with: Data((delivery["body"] as? String ?? "").utf8)))
                as? [String: Any]
            let id = delivery["delivery"] as? String ?? ""
            #expect(body?["delivery_id"] as? String == id, "the header and the body carry the same id")
            return (id, body?["account_id"] as? String ?? "")
        }
    }

    /// The CSV export's delivery ids (its last column).
    func exportedIDs() throws -> [String] {
        guard FileManager.default.fileExists(atPath: exportPath) else { return [] }
        return try String(contentsOfFile: exportPath, encoding: .utf8).split(separator: "\n").dropFirst()
            .map { String($0.split(separator: ",").last ?? "") }
    }

    /// Accounts whose band differs between two runs' stored results (or that are only in the later one).
    func changedAccounts(from earlier: String?, to later: String) throws -> Set<String> {
        func bands(_ day: String) throws -> [String: String] {
            let output = try scorebook.run(["show", "rfm@\(day)", "--format", "csv"] + common)
            return Dictionary(
                uniqueKeysWithValues: output.stdout.split(separator: "\n").dropFirst().map { line in
                    let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                    return (cells[0], cells[4])
                })
        }
        let before = try earlier.map(bands) ?? [:]
        return Set(try bands(later).filter { before[$0.key] != $0.value }.keys)
    }
}

@Test(arguments: Engine.allCases) func killedActsDeliverEveryChangeUnderOneIdAndWriteEachRowOnce(engine: Engine) throws
{
    let fixture = try ActFixture(engine)
    try fixture.run(asOf: "2026-06-01")
    // Every account of the first run enters its band: dozens of deliveries, each answered after 50 ms.
    let expected = try fixture.changedAccounts(from: nil, to: "2026-06-01")
    #expect(expected.count > 30)
    _ = try fixture.sandbox.control("POST", "/_sandbox/webhook_mode", ["mode": "hang", "seconds": 0.05])
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<12 {
        let process = Process()
        process.executableURL = try ScorebookProcess.binary
        process.arguments = ["act", "rfm"] + fixture.common
        process.currentDirectoryURL = fixture.scorebook.folder
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: Double.random(in: 0.05...0.6, using: &generator))
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
    _ = try fixture.sandbox.control("POST", "/_sandbox/webhook_mode", ["mode": "ok"])
    let finished = try fixture.expectSuccess(["act", "rfm"] + fixture.common)
    #expect(finished.stdout.contains("rfm: sent"))

    let received = try fixture.received()
    let idsByAccount = Dictionary(grouping: received, by: \.account).mapValues { Set($0.map(\.id)) }
    #expect(Set(idsByAccount.keys) == expected, "every change reached the receiver")
    #expect(idsByAccount.values.allSatisfy { $0.count == 1 }, "one delivery id per change, however often it was sent")
    let exported = try fixture.exportedIDs()
    #expect(exported.count == expected.count && Set(exported).count == exported.count, "each CSV row written once")
    #expect(Set(exported).isDisjoint(with: Set(received.map(\.id))), "each action has its own delivery id")

    let again = try fixture.expectSuccess(["act", "rfm"] + fixture.common)
    #expect(again.stdout.contains("rfm: sent 0, \(2 * expected.count) already sent"), "\(again.stdout)")
    #expect(try fixture.received().count == received.count)
}

@Test(arguments: Engine.allCases) func twoActsAtOnceDeliverEachChangeOnce(engine: Engine) throws {
    let fixture = try ActFixture(engine)
    try fixture.run(asOf: "2026-06-01")
    let expected = try fixture.changedAccounts(from: nil, to: "2026-06-01")
    _ = try fixture.sandbox.control("POST", "/_sandbox/webhook_mode", ["mode": "hang", "seconds": 0.02])
    let results = try (0..<2).map { _ -> (Process, Pipe) in
        let process = Process()
        process.executableURL = try ScorebookProcess.binary
        process.arguments = ["act", "rfm"] + fixture.common
        process.currentDirectoryURL = fixture.scorebook.folder
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        return (process, errors)
    }.map { process, errors -> (Int32, String) in
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }
    #expect(results.filter { $0.0 == 0 }.count >= 1)
    for (status, text) in results where status != 0 {
        #expect(text.contains("another act rfm is running"), "\(text)")
    }
    let received = try fixture.received()
    #expect(received.count == expected.count, "no delivery twice")
    #expect(Set(received.map(\.account)) == expected)
}

@Test(arguments: Engine.allCases) func aReceiverThatNeverAnswersGetsTheSameDeliveryAgainAndNothingElse(engine: Engine)
    throws
{
    let fixture = try ActFixture(engine)
    try fixture.run(asOf: "2026-06-01")
    _ = try fixture.sandbox.control("POST", "/_sandbox/webhook_mode", ["mode": "hang", "seconds": 3])
    let hung = try fixture.scorebook.run(["act", "rfm", "--timeout", "1"] + fixture.common)
    #expect(hung.status == 1)
    #expect(hung.stderr.split(separator: "\n").count == 1, "one line: \(hung.stderr)")
    #expect(
        hung.stderr.contains("webhook for rfm") && hung.stderr.contains("still failing after 3 attempts"),
        "\(hung.stderr)")
    let tries = try fixture.received()
    #expect(tries.count == 3 && Set(tries.map(\.id)).count == 1, "three tries of one delivery")

    _ = try fixture.sandbox.control("POST", "/_sandbox/webhook_mode", ["mode": "ok"])
    let resumed = try fixture.expectSuccess(["act", "rfm", "--format", "csv"] + fixture.common)
    let received = try fixture.received()
    #expect(received.filter { $0.id == tries[0].id }.count == 4, "the unanswered delivery is sent again with its id")
    #expect(Dictionary(grouping: received, by: \.account).values.allSatisfy { Set($0.map(\.id)).count == 1 })
    let pending = resumed.stdout.split(separator: "\n").filter { $0.contains(",sent again (pending),") }
    #expect(pending.count == 1, "\(resumed.stdout)")
}

@Test(arguments: Engine.allCases) func aRedirectingReceiverIsNotFollowed(engine: Engine) throws {
    let fixture = try ActFixture(engine)
    try fixture.run(asOf: "2026-06-01")
    _ = try fixture.sandbox.control("POST", "/_sandbox/webhook_mode", ["mode": "redirect"])
    let redirected = try fixture.scorebook.run(["act", "rfm"] + fixture.common)
    #expect(redirected.status == 1)
    #expect(redirected.stderr.contains("HTTP 302: redirects are not followed"), "\(redirected.stderr)")
    #expect(try fixture.received().count == 1)
}

/// A delivery left pending by an earlier scorebook, whose JSON writer wrote `/` as `\/`, is sent again with the very
/// bytes it stored, so its receiver sees the body (and the signature) of the send that was cut off.
@Test func aPendingDeliveryIsSentAgainWithTheBodyItStored() throws {
    let fixture = try ActFixture(.sqlite)
    try fixture.run(asOf: "2026-06-01")
    _ = try fixture.sandbox.control("POST", "/_sandbox/webhook_mode", ["mode": "redirect"])
    #expect(try fixture.scorebook.run(["act", "rfm"] + fixture.common).status == 1)
    let (id, earlier): (String, String) = try {
        let database = try Database(path: fixture.common[1], migrate: false)
        let pending = try database.makeStatement("SELECT delivery_id, detail FROM action_log WHERE status = 'pending'")
            .map { ($0.text(0) ?? "", $0.text(1) ?? "") }
        try #require(pending.count == 1)
        let earlier = pending[0].1.replacingOccurrences(of: #""name":""#, with: #""name":"Before\/After "#)
        try #require(earlier != pending[0].1)
        _ = try database.makeStatement("UPDATE action_log SET detail = ? WHERE delivery_id = ?")
            .run([.text(earlier), .text(pending[0].0)])
        return (pending[0].0, earlier)
    }()
    _ = try fixture.sandbox.control("POST", "/_sandbox/webhook_mode", ["mode": "ok"])
    try fixture.expectSuccess(["act", "rfm"] + fixture.common)
    let deliveries = try fixture.sandbox.control("GET", "/_sandbox/webhooks")["deliveries"] as? [[String: Any]] ?? []
    let bodies = deliveries.filter { $0["delivery"] as? String == id }.map { $0["body"] as? String ?? "" }
    #expect(bodies.count == 2)
    #expect(bodies.last == earlier)
}

@Test(arguments: Engine.allCases) func actTakesEveryChangeSinceTheRunItLastActedOnAndIgnoresBackfills(engine: Engine)
    throws
{
    let fixture = try ActFixture(engine)
    try fixture.run(asOf: "2026-06-01")
    try fixture.expectSuccess(["act", "rfm"] + fixture.common)
    let afterFirst = try fixture.received().count
    try fixture.run(asOf: "2026-07-01")
    try fixture.run(asOf: "2026-08-01")
    // Changes from June to August: those made in July and kept count, though the July run was never acted on.
    let expected = try fixture.changedAccounts(from: "2026-06-01", to: "2026-08-01")
    let julyOnly = try fixture.changedAccounts(from: "2026-07-01", to: "2026-08-01")
    #expect(!expected.subtracting(julyOnly).isEmpty, "the data has changes made in July and kept in August")
    try fixture.expectSuccess(["act", "rfm"] + fixture.common)
    let second = try fixture.received().dropFirst(afterFirst)
    #expect(Set(second.map(\.account)) == expected)

    // A backfill as of May is stored beside the series, never as the score's state, and triggers nothing.
    let backfill = try fixture.expectSuccess(["run", "rfm", "--as-of", "2026-05-01"] + fixture.common)
    #expect(backfill.stdout.contains("(backfill)"), "\(backfill.stdout)")
    let scores = try fixture.expectSuccess(["scores"] + fixture.common)
    #expect(scores.stdout.contains("2026-08-01") && !scores.stdout.contains("2026-05-01"), "\(scores.stdout)")
    let shown = try fixture.expectSuccess(["show", "rfm", "--top", "1"] + fixture.common)
    #expect(shown.stdout.contains("as of 2026-08-01"))
    let acted = try fixture.expectSuccess(["act", "rfm", "--dry-run"] + fixture.common)
    #expect(acted.stdout.contains("would send 0"), "\(acted.stdout)")
    let runs = try fixture.expectSuccess(["runs", "rfm"] + fixture.common)
    #expect(runs.stdout.split(separator: "\n").contains { $0.contains("backfill") && $0.contains("2026-05-01") })
    // Asked for, an older day joins the current series; the latest as-of day still leads it.
    try fixture.run(asOf: "2026-04-01", ["--kind", "current"])
    #expect(
        try fixture.expectSuccess(["show", "rfm", "--top", "1"] + fixture.common).stdout.contains("as of 2026-08-01"))
}

@Test(arguments: Engine.allCases) func aRunThatScoresNoAccountIsRefusedInOneLine(engine: Engine) throws {
    let fixture = try ActFixture(engine)
    let empty = try fixture.scorebook.run(["run", "rfm", "--as-of", "2001-01-01"] + fixture.common)
    #expect(empty.status == 1)
    #expect(empty.stderr.contains("no account could be scored as of 2001-01-01"), "\(empty.stderr)")
    #expect(try fixture.expectSuccess(["runs", "rfm"] + fixture.common).stdout.split(separator: "\n").count == 2)
}
