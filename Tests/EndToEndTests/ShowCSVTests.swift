import Foundation
import Testing

@Test func showCSVCarriesTheRunAndEachSignalAsExplainHasIt() throws {
    let workspace = try SeedWorkspace()
    _ = try workspace.expectSuccess(["run", "seed_rfm", "--as-of", "2025-01-01"])
    let lines = try workspace.expectSuccess(["show", "seed_rfm", "--format", "csv"]).split(separator: "\n")
    let header = lines.first.map { $0.split(separator: ",").map(String.init) } ?? []
    let signals = ["recency", "frequency", "monetary"]
    let parts = ["raw", "normalised", "weight", "contribution"]
    #expect(
        header
            == [
                "account_id", "name", "rank", "score", "band", "run", "as_of", "kind", "code", "r", "f", "m", "segment",
            ]
            + signals.flatMap { signal in parts.map { "\(signal)_\($0)" } })
    let row = try #require(lines.first { $0.hasPrefix("beta,") }).split(separator: ",").map(String.init)
    let cells = Dictionary(uniqueKeysWithValues: zip(header, row))
    #expect(cells["run"] == "1" && cells["as_of"] == "2025-01-01" && cells["kind"] == "current")
    let explained = try workspace.explained("beta")
    #expect(Double(cells["score"] ?? "") == explained["score"] as? Double)
    let components = try #require(explained["components"] as? [[String: Any]])
    #expect(components.map { $0["signal"] as? String } == signals)
    for component in components {
        let signal = component["signal"] as? String ?? ""
        for part in parts {
            #expect(Double(cells["\(signal)_\(part)"] ?? "") == component[part] as? Double, "\(signal)_\(part)")
        }
    }
    // The table explain prints rounds the same numbers: beta's recency weighs 33.3 and adds 33.33.
    let table = try workspace.expectSuccess(["explain", "seed_rfm", "beta"])
    #expect(table.contains("recency         15       100.0    33.3         33.33"), "\(table)")
    #expect(cells["recency_raw"] == "15" && cells["recency_contribution"] == "33.333333333333336")
}
