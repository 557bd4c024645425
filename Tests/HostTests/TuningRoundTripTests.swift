import Foundation
import ScoreKit
import Testing

@testable import Host

/// A configuration file and a sheet in a scratch folder, and the import of one into the other.
private struct TuningFixture {
    let scratch: Scratch
    let configurationPath: String

    init(_ yaml: String = StarterConfiguration.text) throws {
        scratch = try Scratch()
        configurationPath = try scratch.write("scorebook.yml", yaml)
    }

    func export(_ score: String) throws -> String {
        TuningSheet.render(
            score: score, tunables: try TuningExport.tunables(score: score, configurationPath: configurationPath))
    }

    func plan(_ score: String, sheet: String) throws -> TuningImport.Plan {
        let path = try scratch.write("sheet.csv", sheet)
        return try TuningImport(
            configurationPath: configurationPath, score: score, sheetPath: path, sheetName: "sheet.csv"
        )
        .plan()
    }
}

private let starterScores = try? ScorebookConfiguration.parse(yaml: StarterConfiguration.text, file: "starter")
    .scores.map(\.name)

@Test(arguments: starterScores ?? [])
func anUnchangedExportImportsAsNoChangeAtAll(_ score: String) throws {
    let fixture = try TuningFixture()
    let sheet = try fixture.export(score)
    #expect(sheet.hasPrefix("score,setting,kind,key,low,high,value\n\(score),"), "\(sheet)")
    let plan = try fixture.plan(score, sheet: sheet)
    #expect(plan.changed.isEmpty)
    #expect(plan.text == StarterConfiguration.text)
}

@Test func aSpreadsheetsFifteenDigitsCountAsTheSameWeight() throws {
    let fixture = try TuningFixture()
    let sheet = try fixture.export("rfm").replacingOccurrences(of: "33.333333333333336", with: "33.3333333333333")
    #expect(sheet.contains(",33.3333333333333\n"))
    #expect(try fixture.plan("rfm", sheet: sheet).changed.isEmpty)
}

@Test func anEditedSheetIsWrittenInPlaceAndReadsBackAsEdited() throws {
    let fixture = try TuningFixture()
    let edited = try fixture.export("health")
        .replacingOccurrences(of: "weights,weight,renewal,,,40", with: "weights,weight,renewal,,,45")
        .replacingOccurrences(of: "weights,weight,support,,,25", with: "weights,weight,support,,,20")
        .replacingOccurrences(of: "band,Green,75,100,", with: "band,Green,80,100,")
        .replacingOccurrences(of: "band,Yellow,40,74,", with: "band,Yellow,40,79,")
    let plan = try fixture.plan("health", sheet: edited)
    #expect(plan.changed == ["weights", "bands"])
    let changedLines = LineDiff.unified(plan.original, plan.text, name: "f").split(separator: "\n")
        .filter { $0.hasPrefix("+") && !$0.hasPrefix("+++") }
    #expect(
        changedLines == [
            "+    weights: {renewal: 45, feature_usage: 35, support: 20, nps: 0, active_users_ratio: 0}",
            "+    bands: {Green: 80-100, Yellow: 40-79, Red: 0-39}",
        ])
    // Lossless: the written file exports the edited sheet again, and every other score is as it was.
    try plan.text.write(toFile: fixture.configurationPath, atomically: true, encoding: .utf8)
    #expect(try fixture.export("health") == edited)
    let before = try ScorebookConfiguration.parse(yaml: plan.original, file: "before")
    let after = try ScorebookConfiguration.parse(yaml: plan.text, file: "after")
    for score in before.scores {
        let hash = try after.score(named: score.name).configurationHash
        #expect((hash == score.configurationHash) == (score.name != "health"), "\(score.name)")
    }
}

/// Edits of each shape of YAML a setting can be written in, and the lines they must leave.
struct EditCase: CustomTestStringConvertible, Sendable {
    let id: String
    let score: String
    let from: String
    let to: String
    let lines: [String]
    var testDescription: String { id }
}

private let editCases: [EditCase] = [
    EditCase(
        id: "block lines stay block lines, and only the changed one differs", score: "churn",
        from: "weights,weight,usage_trend,,,30\n", to: "weights,weight,usage_trend,,,20\n",
        lines: [
            "-      usage_trend: 30", "+      usage_trend: 20", "-      renewal_near: 10", "+      renewal_near: 20",
        ]),
    EditCase(
        id: "a flow line keeps its comment", score: "churn", from: "share,High,90,100,", to: "share,High,95,100,",
        lines: [
            "-    bands: {High: 90-100%, Medium: 70-89%, Low: 0-69%}   # the riskiest 10% High, the next 20% Medium",
            "+    bands: {High: 95-100%, Medium: 70-94%, Low: 0-69%}   # the riskiest 10% High, the next 20% Medium",
        ]),
    EditCase(
        id: "weights left to the defaults are added to the score", score: "rfm",
        from: "recency,,,33.333333333333336", to: "recency,,,50",
        lines: ["+    weights: {recency: 50, frequency: 16.666666666666668, monetary: 33.333333333333336}"]),
    EditCase(
        id: "a list of edges stays a flow list", score: "rfm_bins", from: "edge,4,,,180", to: "edge,4,,,200",
        lines: ["-    recency_bins: [30, 60, 90, 180]", "+    recency_bins: [30, 60, 90, 200]"]),
    EditCase(
        id: "a nested level of a module that does not list its tunables", score: "account",
        from: "icp.brand_icp.grades,band,D,0,24,", to: "icp.brand_icp.grades,band,D,0,29,",
        lines: [
            "-        grades: {A: 75-100, B: 50-74, C: 25-49, D: 0-24}",
            "+        grades: {A: 75-100, B: 50-74, C: 30-49, D: 0-29}",
        ]),
]

@Test(arguments: editCases)
func anEditChangesOnlyTheLinesOfItsSetting(_ edit: EditCase) throws {
    let fixture = try TuningFixture()
    var sheet = try fixture.export(edit.score).replacingOccurrences(of: edit.from, with: edit.to)
    // Keep each level summing to 100 and the bands without gaps.
    switch edit.id {
    case let id where id.hasPrefix("block"):
        sheet = sheet.replacingOccurrences(of: "renewal_near,,,10", with: "renewal_near,,,20")
    case let id where id.hasPrefix("a flow line"):
        sheet = sheet.replacingOccurrences(of: "share,Medium,70,89,", with: "share,Medium,70,94,")
    case let id where id.hasPrefix("weights left"):
        sheet = sheet.replacingOccurrences(of: "frequency,,,33.333333333333336", with: "frequency,,,16.666666666666668")
    case let id where id.hasPrefix("a nested"):
        sheet = sheet.replacingOccurrences(of: "brand_icp.grades,band,C,25,49,", with: "brand_icp.grades,band,C,30,49,")
    default: break
    }
    let plan = try fixture.plan(edit.score, sheet: sheet)
    let lines = LineDiff.unified(plan.original, plan.text, name: "f").split(separator: "\n").map(String.init)
        .filter { ($0.hasPrefix("+") || $0.hasPrefix("-")) && !$0.hasPrefix("+++") && !$0.hasPrefix("---") }
    #expect(lines == edit.lines)
    // What was written reads back as the sheet.
    try plan.text.write(toFile: fixture.configurationPath, atomically: true, encoding: .utf8)
    let reread = try fixture.plan(edit.score, sheet: sheet)
    #expect(reread.changed.isEmpty)
}

@Test func aSettingInsideAFlowMappingRewritesThatMapping() throws {
    let yaml = """
        scores:
          account:
            module: account
            weights: {fit: {revenue_icp: 70, brand_icp: 30}, intent: {product_activity: 70, deal_activity: 30}}  # tiers
        """
    let fixture = try TuningFixture(yaml)
    let sheet = try fixture.export("account")
        .replacingOccurrences(of: "revenue_icp,,,70", with: "revenue_icp,,,55")
        .replacingOccurrences(of: "brand_icp,,,30", with: "brand_icp,,,45")
    let plan = try fixture.plan("account", sheet: sheet)
    let expected =
        "    weights: {fit: {revenue_icp: 55, brand_icp: 45}, intent: {product_activity: 70, deal_activity: "
        + "30}}  # tiers"
    #expect(plan.text.split(separator: "\n").last.map(String.init) == expected)
}

@Test func aPointGridInAFileWithCRLFLineEndsIsEditedAsItsRows() throws {
    let yaml =
        "scores:\r\n  health:\r\n    module: health\r\n    grids:\r\n      support:\r\n        0: 100\r\n"
        + "        1-3: 50\r\n        4+: 0\r\n"
    let fixture = try TuningFixture(yaml)
    let sheet = try fixture.export("health")
    #expect(sheet.contains("health,grids.support,points,,1,3,50\nhealth,grids.support,points,,4,,0\n"), "\(sheet)")
    let edited = sheet.replacingOccurrences(of: "points,,1,3,50", with: "points,,1,2,60")
        .replacingOccurrences(of: "points,,4,,0", with: "points,,3,,0")
    let plan = try fixture.plan("health", sheet: edited)
    #expect(
        plan.text
            == "scores:\r\n  health:\r\n    module: health\r\n    grids:\r\n      support:\r\n        0: 100\r\n"
            + "        1-2: 60\r\n        3+: 0\r\n")
    #expect(LineDiff.unified(plan.original, plan.text, name: "f").hasSuffix("+        1-2: 60\n+        3+: 0"))
}
