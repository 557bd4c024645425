import Foundation
import Testing

/// Runs scripts/pipeline with the built binary, as cron would: no terminal, the workspace in the environment.
private func pipeline(_ arguments: [String], environment: [String: String]) throws -> (
    status: Int32, stdout: String, stderr: String
) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = [ScorebookProcess.packageRoot.appendingPathComponent("scripts/pipeline").path] + arguments
    var env = ProcessInfo.processInfo.environment
    env["SCOREBOOK"] = try ScorebookProcess.binary.path
    for (key, value) in environment { env[key] = value }
    process.environment = env
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return (process.terminationStatus, stdout, stderr)
}

@Test func thePipelineIsSilentOnSuccessAndSaysAFailureInOneLine() throws {
    let sandbox = try SandboxProcess(accounts: 60)
    let scorebook = try ScorebookProcess()
    let config = scorebook.path("pipeline.yml")
    try sandbox.configuration().write(toFile: config, atomically: true, encoding: .utf8)
    var environment = SandboxProcess.environment
    environment["SCOREBOOK_DB"] = scorebook.path("pipeline.db")
    environment["SCOREBOOK_CONFIG"] = config
    environment["SCOREBOOK_LOG"] = scorebook.path("pipeline.log")
    #expect(try scorebook.run(["init"], environment: environment).status == 0)

    let success = try pipeline([], environment: environment)
    #expect(success.status == 0, "\(success.stderr)")
    #expect(success.stdout.isEmpty && success.stderr.isEmpty, "nothing for cron to mail: \(success)")
    let log = try String(contentsOfFile: scorebook.path("pipeline.log"), encoding: .utf8)
    #expect(log.contains("synced hubspot, stripe") && log.contains("rfm: run 1,"), "\(log)")

    let failure = try pipeline(["nowhere"], environment: environment)
    #expect(failure.status == 1)
    #expect(failure.stdout.isEmpty)
    let lines = failure.stderr.split(separator: "\n")
    #expect(
        lines.count == 1 && lines[0].hasPrefix("scorebook act nowhere failed (exit 1): Error: "), "\(failure.stderr)")
}
