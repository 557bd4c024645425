import Foundation
import Testing

/// The Sandbox as an attacker on loopback: it echoes tokens, points the next page elsewhere, sends endless bodies and
/// asks for endless pauses.
///
/// None of that leaks a token, follows the server, or stalls the sync.
private final class HostileSync {
    let sandbox: SandboxProcess
    let scorebook = try! ScorebookProcess()
    let common: [String]

    init(salesforceAndChargebee: Bool = false) throws {
        sandbox = try SandboxProcess(accounts: 30)
        let config = salesforceAndChargebee ? sandbox.salesforceChargebeeConfiguration() : sandbox.configuration()
        try config.write(toFile: scorebook.path("hostile.yml"), atomically: true, encoding: .utf8)
        common = ["--db", scorebook.path("hostile.db"), "--config", scorebook.path("hostile.yml")]
    }

    func fault(_ kind: String, _ path: String, _ extra: [String: Any] = [:]) throws {
        try sandbox.control(
            "POST", "/_sandbox/faults", ["kind": kind, "path": path, "times": -1].merging(extra) { $1 })
    }

    func sync(_ sources: [String], _ extra: [String] = [], environment: [String: String] = SandboxProcess.environment)
        throws -> ScorebookProcess.Output
    {
        try scorebook.run(["sync"] + sources + extra + common, environment: environment)
    }

    /// The sync log's errors as stored.
    func storedErrors() throws -> String {
        let output = try scorebook.run(["sync", "--status", "--history", "20"] + common)
        return output.stdout + output.stderr
    }
}

/// Every form a token travels in: as it is, and as HTTP Basic sends it (base64 of `key:`).
private func forms(of token: String) -> [String] {
    [token, Data((token + ":").utf8).base64EncodedString()]
}

@Test(arguments: [
    ("stripe", "/v1/customers", SandboxProcess.stripeToken, false),
    ("hubspot", "/crm/v3/objects/companies", SandboxProcess.hubspotToken, false),
    ("salesforce", "/services/data", SandboxProcess.salesforceToken, true),
    ("chargebee", "/api/v2/customers", SandboxProcess.chargebeeKey, true),
])
func anEchoedTokenNeverReachesTheTerminalOrTheDatabase(source: String, path: String, token: String, other: Bool) throws
{
    let hostile = try HostileSync(salesforceAndChargebee: other)
    try hostile.fault("echo_token", path)
    let failed = try hostile.sync([source])
    #expect(failed.status == 1)
    #expect(failed.stderr.contains("[redacted]"), "the echo is there, scrubbed: \(failed.stderr)")
    let status = try hostile.storedErrors()
    let database =
        try Data(contentsOf: URL(fileURLWithPath: hostile.scorebook.path("hostile.db")))
        + ((try? Data(contentsOf: URL(fileURLWithPath: hostile.scorebook.path("hostile.db-wal")))) ?? Data())
    for form in forms(of: token) {
        #expect(!failed.stderr.contains(form) && !failed.stdout.contains(form), "\(source): \(failed.stderr)")
        #expect(!status.contains(form))
        #expect(database.range(of: Data(form.utf8)) == nil, "\(source): the token is in the database file")
    }
}

@Test func aNextRecordsURLLeavingTheInstanceIsRefused() throws {
    let hostile = try HostileSync(salesforceAndChargebee: true)
    try hostile.fault("foreign_next", "/services/data")
    let failed = try hostile.sync(["salesforce"])
    #expect(failed.status == 1)
    #expect(failed.stderr.contains("refusing @198.51.100.7/services/data"), "\(failed.stderr)")
    #expect(failed.stderr.contains("it leaves 127.0.0.1"))
}

@Test func aHugeBodyStopsTheSyncInOneLineWithoutReadingItAll() throws {
    let hostile = try HostileSync()
    try hostile.fault("huge_body", "/v1/customers", ["bytes": 8 << 20])
    let started = Date()
    let failed = try hostile.sync(["stripe"], ["--max-body-mb", "1"])
    #expect(failed.status == 1)
    #expect(
        failed.stderr.contains("the response is larger than 1 MiB (max_body_mb); not read further"), "\(failed.stderr)")
    #expect(failed.stderr.split(separator: "\n").count == 1)
    #expect(Date().timeIntervalSince(started) < 20, "not retried six times")
}

@Test func aThousandDayRateWindowStopsTheSyncInsteadOfHoldingTheLock() throws {
    let hostile = try HostileSync()
    try hostile.fault("long_rate_window", "/crm/v3/objects/companies")
    let failed = try hostile.sync(["hubspot"])
    #expect(failed.status == 1)
    #expect(failed.stderr.contains("asks every request to wait 86400000 s"), "\(failed.stderr)")
    // The lock went with the process: the next sync runs.
    try hostile.sandbox.control("DELETE", "/_sandbox/faults")
    #expect(try hostile.sync(["hubspot"]).status == 0)
}

@Test func aDeadlineEndsASlowSyncAndTheNextOneFinishes() throws {
    let hostile = try HostileSync()
    try hostile.fault("slow", "/v1/", ["delay_ms": 1_500])
    let started = Date()
    let stopped = try hostile.sync(["stripe"], ["--deadline", "2s"])
    #expect(stopped.status == 1)
    #expect(stopped.stderr.contains("deadline"), "\(stopped.stderr)")
    #expect(Date().timeIntervalSince(started) < 10)
    try hostile.sandbox.control("DELETE", "/_sandbox/faults")
    let resumed = try hostile.sync(["stripe"])
    #expect(resumed.status == 0, "\(resumed.stderr)")
}

@Test func aTokenWithALineBreakIsRefusedBeforeAnyRequest() throws {
    let hostile = try HostileSync()
    var environment = SandboxProcess.environment
    environment["STRIPE_API_KEY"] = SandboxProcess.stripeToken + "\r\nX-Injected: 1"
    let refused = try hostile.sync(["stripe"], environment: environment)
    #expect(refused.status == 1)
    #expect(refused.stderr.contains("STRIPE_API_KEY holds a line break"), "\(refused.stderr)")
    #expect(!refused.stderr.contains(SandboxProcess.stripeToken))
}

@Test func scorebookWritesNoCoreFileWhenItCrashes() throws {
    let scorebook = try ScorebookProcess()
    func crash(_ command: String) throws -> (signal: Int32, cores: [String], limits: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        // Swift's backtracer would catch the signal first; without it the kernel's own handling is what is tested.
        process.arguments = ["-c", "ulimit -c unlimited 2>/dev/null; SWIFT_BACKTRACE=enable=no exec \(command)"]
        process.currentDirectoryURL = scorebook.folder
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: 1.0)
        let limits = (try? String(contentsOfFile: "/proc/\(process.processIdentifier)/limits", encoding: .utf8)) ?? ""
        kill(process.processIdentifier, SIGSEGV)
        process.waitUntilExit()
        Thread.sleep(forTimeInterval: 0.5)
        let cores = try FileManager.default.contentsOfDirectory(atPath: scorebook.folder.path).filter {
            $0.hasPrefix("core")
        }
        return (process.terminationStatus, cores, limits)
    }
    let binary = try ScorebookProcess.binary.path
    let crashed = try crash("'\(binary)' sandbox --port 0 --accounts 5")
    #expect(crashed.signal == SIGSEGV)
    #expect(crashed.cores.isEmpty)
    let coreLine = crashed.limits.split(separator: "\n").first { $0.hasPrefix("Max core file size") } ?? ""
    #expect(
        coreLine.split(separator: " ", omittingEmptySubsequences: true).dropFirst(4).prefix(2) == ["0", "0"],
        "\(coreLine)")
    // The positive control: where the kernel writes plain core files here, another program crashing does leave one.
    let pattern = (try? String(contentsOfFile: "/proc/sys/kernel/core_pattern", encoding: .utf8)) ?? ""
    if pattern.hasPrefix("core") {
        #expect(!(try crash("sleep 30")).cores.isEmpty, "the check can see a core file")
    }
}
