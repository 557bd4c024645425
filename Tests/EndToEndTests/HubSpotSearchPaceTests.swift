import Foundation
import Testing

@Test func hubSpotSearchesArePacedOnSearchsOwnLimit() throws {
    let sandbox = try SandboxProcess(accounts: 60)
    let scorebook = try ScorebookProcess()
    let config = scorebook.path("search.yml")
    try sandbox.configuration(pageSize: 5, searchesPerSecond: nil).write(
        toFile: config, atomically: true, encoding: .utf8)
    let sync = ["sync", "hubspot", "--db", scorebook.path("search.db"), "--config", config]
    let first = try scorebook.run(sync, environment: SandboxProcess.environment)
    #expect(first.status == 0, "\(first.stderr)")
    // 4 searches in any second, as HubSpot allows; the general pace (1000 a second) would send them at once, and
    // the default search pace (3.6 a second) keeps under it.
    try sandbox.control("POST", "/_sandbox/hubspot_search_rate_limit", ["max": 4, "interval_ms": 1_000])
    try sandbox.control("POST", "/_sandbox/mutate", ["renamed": 20, "contacts_active": 20, "deals_won": 10])
    let started = Date()
    let second = try scorebook.run(sync, environment: SandboxProcess.environment)
    let seconds = Date().timeIntervalSince(started)
    #expect(second.status == 0, "\(second.stderr)")
    #expect(second.stdout.contains(", 0 retries"), "\(second.stdout)")
    // At least 4 + 4 + 2 + 1 search pages of 5: 11 searches take 2.7 s or more at 3.6 a second.
    #expect(seconds >= 2.7, "\(seconds) s")
}

@Test func aSearchRetriedAfterA429WaitsForSearchsOwnPaceToo() throws {
    let sandbox = try SandboxProcess(accounts: 60)
    let scorebook = try ScorebookProcess()
    let config = scorebook.path("search.yml")
    try sandbox.configuration(pageSize: 5, searchesPerSecond: nil).write(
        toFile: config, atomically: true, encoding: .utf8)
    let sync = ["sync", "hubspot", "--db", scorebook.path("search.db"), "--config", config]
    #expect(try scorebook.run(sync, environment: SandboxProcess.environment).status == 0)
    // Search's own window of 4 a second, and 4 answers of 429 asking for no wait at all: retried at the general
    // pace (1000 a second), the retries would go out at once and overrun the window, which answers 429 itself.
    try sandbox.control("POST", "/_sandbox/hubspot_search_rate_limit", ["max": 4, "interval_ms": 1_000])
    try sandbox.control(
        "POST", "/_sandbox/faults", ["kind": "rate_limit", "path": "/search", "times": 4, "retry_after": 0])
    let started = Date()
    let second = try scorebook.run(sync, environment: SandboxProcess.environment)
    let seconds = Date().timeIntervalSince(started)
    #expect(second.status == 0, "\(second.stderr)")
    #expect(second.stdout.contains(", 4 retries"), "\(second.stdout)")
    #expect(try sandbox.control("GET", "/_sandbox/hubspot_search_rate_limit")["refused"] as? Int == 0)
    // 4 searches (one page per object) and 4 retries, at 3.6 a second: 7 gaps of 0.28 s at least.
    #expect(seconds >= 1.9, "\(seconds) s")
}
