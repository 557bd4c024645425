import Foundation
import Testing

@Test func anUnchangedSheetLeavesTheConfigurationByteForByte() throws {
    let workspace = try SeedWorkspace()
    let before = try workspace.configurationBytes()
    let hash = try workspace.expectSuccess(["check", "--format", "csv"])
    #expect(try workspace.expectSuccess(["tune", "export", "seed_rfm", "--out", "tune.csv"]).contains("7 rows"))
    let sheet = try String(contentsOfFile: workspace.scorebook.path("tune.csv"), encoding: .utf8)
    #expect(
        sheet.hasPrefix("score,setting,kind,key,low,high,value\nseed_rfm,weights,weight,recency,,,33.333333333333336\n")
    )
    #expect(sheet.contains("seed_rfm,recency_bins,edge,4,,,180\n"))
    let imported = try workspace.expectSuccess(["tune", "import", "seed_rfm", "tune.csv"])
    #expect(imported.contains("no changes"), "\(imported)")
    #expect(try workspace.configurationBytes() == before)
    #expect(try workspace.expectSuccess(["check", "--format", "csv"]) == hash)
}

@Test func anEditedWeightIsWhatTheNextRunUses() throws {
    let workspace = try SeedWorkspace()
    _ = try workspace.expectSuccess(["run", "seed_rfm", "--as-of", "2025-01-01"])
    let before = try workspace.explained("beta")
    #expect(abs((before["score"] as? Double ?? 0) - 250 / 3) < 1e-9)
    let sheet = try workspace.expectSuccess(["tune", "export", "seed_rfm"])
        .replacingOccurrences(of: "recency,,,33.333333333333336", with: "recency,,,60")
        .replacingOccurrences(of: "frequency,,,33.333333333333336", with: "frequency,,,20")
        .replacingOccurrences(of: "monetary,,,33.333333333333336", with: "monetary,,,20")
    try sheet.write(toFile: workspace.scorebook.path("tune.csv"), atomically: true, encoding: .utf8)
    let dryRun = try workspace.expectSuccess(["tune", "import", "seed_rfm", "tune.csv", "--dry-run"])
    #expect(dryRun.contains("+    weights: {recency: 60, frequency: 20, monetary: 20}"), "\(dryRun)")
    #expect(!(try String(contentsOfFile: workspace.configuration, encoding: .utf8)).contains("weights"))
    _ = try workspace.expectSuccess(["tune", "import", "seed_rfm", "tune.csv"])
    _ = try workspace.expectSuccess(["run", "seed_rfm", "--as-of", "2025-01-01"])
    let after = try workspace.explained("beta")
    // Beta is R 5, F 4, M 4: 100 x 60% + 75 x 20% + 75 x 20%.
    #expect(abs((after["score"] as? Double ?? 0) - 90) < 1e-9)
    let weights = (after["components"] as? [[String: Any]])?.map { $0["weight"] as? Double }
    #expect(weights == [60, 20, 20])
}

@Test func aBadSheetIsRefusedAtItsLineAndTheConfigurationIsUntouched() throws {
    let workspace = try SeedWorkspace()
    let before = try workspace.configurationBytes()
    let sheets = [
        (
            "score,setting,kind,key,low,high,value\n"
                + (1...4).map { "seed_rfm,recency_bins,edge,\($0),,,\([30, 60, 90, 180][$0 - 1])\n" }.joined()
                + "seed_rfm,weights,weight,recency,,,50\nseed_rfm,weights,weight,frequency,,,30\n"
                + "seed_rfm,weights,weight,monetary,,,30\n",
            "bad.csv:6: score \"seed_rfm\": weights sum to 110, expected 100"
        ),
        (
            "score,setting,kind,key,low,high,value\nseed_rfm,recency_bins,edge,1,,,30\n"
                + "seed_rfm,recency_bins,edge,2,,,=cmd|' /C calc'!A0\n",
            "bad.csv:3: column value: \"=cmd|' /C calc'!A0\" is not a number (digits, a dot for decimals)"
        ),
        (
            "score,setting,kind,key,low,high,value\nseed_rfm,recency_bins,edge,1,,,90\n"
                + "seed_rfm,recency_bins,edge,2,,,60\nseed_rfm,recency_bins,edge,3,,,30\n"
                + "seed_rfm,recency_bins,edge,4,,,10\n",
            "bad.csv:2: score \"seed_rfm\": edges must rise, got 90.0, 60.0, 30.0, 10.0"
        ),
    ]
    for (sheet, message) in sheets {
        try sheet.write(toFile: workspace.scorebook.path("bad.csv"), atomically: true, encoding: .utf8)
        let output = try workspace.scorebook.run(["tune", "import", "seed_rfm", "bad.csv"] + workspace.common)
        #expect(output.status == 1)
        #expect(
            output.stderr.trimmingCharacters(in: .whitespacesAndNewlines) == "Error: \(message)", "\(output.stderr)")
        #expect(try workspace.configurationBytes() == before)
    }
}
