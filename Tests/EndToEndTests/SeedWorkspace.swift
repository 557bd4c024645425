import Foundation
import Testing

/// The seed's five accounts, imported, with a configuration of its own the tests may rewrite.
struct SeedWorkspace {
    let scorebook: ScorebookProcess
    let configuration: String
    let common: [String]

    init() throws {
        scorebook = try ScorebookProcess()
        configuration = scorebook.path("scorebook.yml")
        try FileManager.default.copyItem(
            atPath: ScorebookProcess.fixture("seed004/scorebook.yml"), toPath: configuration)
        common = ["--db", scorebook.path("seed.db"), "--config", configuration]
        #expect(try scorebook.run(["init"] + common).status == 0)
        for kind in ["accounts", "invoices"] {
            let imported = try scorebook.run(
                ["import", kind, ScorebookProcess.fixture("seed004/\(kind).csv")] + common)
            #expect(imported.status == 0, "\(imported.stderr)")
        }
    }

    /// Runs a command that must succeed, returning its standard output.
    func expectSuccess(_ arguments: [String]) throws -> String {
        let output = try scorebook.run(arguments + common)
        #expect(output.status == 0, "\(arguments): \(output.stderr)")
        return output.stdout
    }

    /// The configuration file's bytes.
    func configurationBytes() throws -> Data { try Data(contentsOf: URL(fileURLWithPath: configuration)) }

    /// One account's explanation as JSON: the row, with its components.
    func explained(_ account: String) throws -> [String: Any] {
        let text = try expectSuccess(["explain", "seed_rfm", account, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        return try #require((object["rows"] as? [[String: Any]])?.first)
    }
}
