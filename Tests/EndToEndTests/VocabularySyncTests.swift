import Foundation
import Store
import Testing

/// The distinct values of a column of the synced accounts of a source.
private func distinct(_ path: String, _ column: String, _ source: String) throws -> Set<String> {
    Set(
        try Database(path: path).makeStatement("SELECT DISTINCT \(column) FROM accounts WHERE source = ?")
            .map([.text(source)]) { $0.text(0) ?? "NULL" })
}

@Test func syncedIndustriesAndCountriesAreScorebooksWordsAndISOCodes() throws {
    let sandbox = try SandboxProcess(accounts: 60)
    let scorebook = try ScorebookProcess()
    let words: Set = [
        "software", "fintech", "healthcare", "retail", "manufacturing", "logistics", "education", "media",
    ]
    let codes: Set = ["US", "GB", "DE", "FR", "NL", "CA", "AU", "SE"]
    // The Sandbox serves the vendors' vocabularies, not Scorebook's.
    let served = try sandbox.control("GET", "/_sandbox/summary")
    #expect(served["companies"] as? Int ?? 0 > 0)
    for (config, source) in [
        (sandbox.configuration(pageSize: 50), "hubspot"), (sandbox.salesforceChargebeeConfiguration(), "salesforce"),
    ] {
        let file = scorebook.path("\(source).yml")
        try config.write(toFile: file, atomically: true, encoding: .utf8)
        let db = scorebook.path("\(source).db")
        let run = try scorebook.run(
            ["sync", source, "--db", db, "--config", file], environment: SandboxProcess.environment)
        #expect(run.status == 0, "\(run.stderr)")
        let industries = try distinct(db, "industry", source)
        let countries = try distinct(db, "country", source)
        #expect(industries.isSubset(of: words) && industries.count > 3, "\(source): \(industries)")
        #expect(countries.isSubset(of: codes) && countries.count > 3, "\(source): \(countries)")
    }
}
