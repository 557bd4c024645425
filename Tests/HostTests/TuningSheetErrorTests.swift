import Foundation
import Testing

@testable import Host

/// A tuning sheet for the starter's health score and the one line it must be refused with.
struct SheetCase: CustomTestStringConvertible, Sendable {
    let id: String
    let rows: String
    let message: String
    var testDescription: String { id }
}

private let header = "score,setting,kind,key,low,high,value\n"
private let weights = """
    health,weights,weight,renewal,,,40
    health,weights,weight,feature_usage,,,35
    health,weights,weight,support,,,25

    """

private let cases: [SheetCase] = [
    SheetCase(
        id: "weights that do not sum to 100", rows: weights.replacingOccurrences(of: ",,,40", with: ",,,50"),
        message: "sheet.csv:2: score \"health\": weights sum to 110, expected 100"),
    SheetCase(
        id: "a weight out of range, at its own row",
        rows: "health,weights,weight,support,,,25\n"
            + "health,weights,weight,renewal,,,175\nhealth,weights,weight,feature_usage,,,-100\n",
        message: "sheet.csv:3: score \"health\": weight must be 0-100, got 175"),
    SheetCase(
        id: "bands out of order",
        rows: "health,bands,band,Green,75,100,\nhealth,bands,band,Yellow,30,74,\n"
            + "health,bands,band,Red,0,39,\n",
        message: "sheet.csv:2: score \"health\": bands overlap: Red 0-39 and Yellow 30-74"),
    SheetCase(
        id: "a signal the module does not have", rows: "health,weights,weight,logins,,,40\n",
        message: "sheet.csv:2: column key: unknown signal \"logins\" in weights "
            + "(known: renewal, feature_usage, support, nps, active_users_ratio)"),
    SheetCase(
        id: "a setting the score does not have", rows: "health,half_life,weight,x,,,1\n",
        message:
            "sheet.csv:2: column setting: unknown setting \"half_life\" for score health (settings: weights, bands)"
    ),
    SheetCase(
        id: "another score's row", rows: "churn,weights,weight,renewal,,,40\n",
        message: "sheet.csv:2: column score: the row is for score \"churn\", not \"health\""),
    SheetCase(
        id: "a formula", rows: "health,weights,weight,\"=HYPERLINK(\"\"http://x\"\")\",,,40\n",
        message:
            "sheet.csv:2: column key: \"=HYPERLINK(\"http://x\")\" starts like a spreadsheet formula; settings never do"
    ),
    SheetCase(
        id: "a formula in a number cell", rows: "health,weights,weight,renewal,,,=40+10\n",
        message: "sheet.csv:2: column value: \"=40+10\" is not a number (digits, a dot for decimals)"),
    SheetCase(
        id: "a NUL byte", rows: "health,weights,weight,ren\u{0}ewal,,,40\n",
        message: "sheet.csv:2: field 4 holds a NUL byte; text may not"),
    SheetCase(
        id: "a control character", rows: "health,weights,weight,ren\u{1B}[2Jewal,,,40\n",
        message: "sheet.csv:2: column key: \"ren?[2Jewal\" holds a control character"),
    SheetCase(
        id: "a decimal comma", rows: "health,weights,weight,renewal,,,\"40,5\"\n",
        message: "sheet.csv:2: column value: \"40,5\" is not a number (digits, a dot for decimals)"),
    SheetCase(
        id: "a number that overflows a double", rows: "health,weights,weight,renewal,,,1e999\n",
        message: "sheet.csv:2: column value: 1e999 is out of range (at most ±10^15)"),
    SheetCase(
        id: "a number past 10^15", rows: "health,weights,weight,renewal,,,12345678901234567\n",
        message: "sheet.csv:2: column value: 12345678901234567 is out of range (at most ±10^15)"),
    SheetCase(
        id: "not a number", rows: "health,weights,weight,renewal,,,NaN\n",
        message: "sheet.csv:2: column value: \"NaN\" is not a number (digits, a dot for decimals)"),
    SheetCase(
        id: "a weight row with a range", rows: "health,weights,weight,renewal,0,1,40\n",
        message: "sheet.csv:2: columns low and high are for bands and grids; leave them empty"),
    SheetCase(
        id: "a key twice", rows: "health,weights,weight,renewal,,,40\nhealth,weights,weight,renewal,,,40\n",
        message: "sheet.csv:3: column key: \"renewal\" appears twice in weights (first on line 2)"),
    SheetCase(
        id: "an unknown kind", rows: "health,weights,weights,renewal,,,40\n",
        message:
            "sheet.csv:2: column kind: \"weights\" is not a kind (one of: weight, band, share, points, edge, value)"),
    SheetCase(
        id: "a row cut short", rows: "health,weights,weight,renewal\n",
        message: "sheet.csv:2: 4 fields, the header has 7"),
]

@Test(arguments: cases)
func aBadSheetIsRefusedAtItsRow(_ sheet: SheetCase) throws {
    let scratch = try Scratch()
    let configuration = try scratch.write("scorebook.yml", StarterConfiguration.text)
    let path = try scratch.write("sheet.csv", header + sheet.rows)
    let tuning = TuningImport(
        configurationPath: configuration, score: "health", sheetPath: path, sheetName: "sheet.csv")
    #expect {
        try tuning.plan()
    } throws: { error in
        "\(error)" == sheet.message
    }
}

@Test func aSheetWithAnUnknownOrMissingColumnIsRefusedAtItsHeader() throws {
    let scratch = try Scratch()
    let configuration = try scratch.write("scorebook.yml", StarterConfiguration.text)
    for (sheet, message) in [
        (
            "score,setting,kind,key,low,high,value,formula\n",
            "sheet.csv:1: unknown column \"formula\" (columns: "
                + "score, setting, kind, key, low, high, value)"
        ),
        ("score,setting,kind,key,low,high\n", "sheet.csv:1: the header has no column \"value\""),
        (header, "sheet.csv: no rows (`scorebook tune export health` writes them)"),
    ] {
        let path = try scratch.write("sheet.csv", sheet)
        let tuning = TuningImport(
            configurationPath: configuration, score: "health", sheetPath: path, sheetName: "sheet.csv")
        #expect {
            try tuning.plan()
        } throws: { error in
            error is ImportError && "\(error)" == message
        }
    }
}

@Test func numbersAreReadStrictlyAndWrittenToReadBackExactly() {
    for text in ["40", "-5", "33.333333333333336", "0.1", "1e-05", "+7"] {
        guard case .success(let number) = TuningNumber.parse(text) else {
            Issue.record("\(text) should parse")
            continue
        }
        guard case .success(let again) = TuningNumber.parse(TuningNumber.text(number)) else {
            Issue.record("\(TuningNumber.text(number)) should parse")
            continue
        }
        #expect(again == number)
    }
    for text in ["", "4O", "0x10", "inf", "nan", "1,5", "40%", " 4", "1e", ".5", "=1"] {
        #expect(TuningNumber.parse(text) == .failure(.notANumber), "\(text)")
    }
    #expect(TuningNumber.parse("1e400") == .failure(.outOfRange))
    #expect(TuningNumber.yaml(0.00001) == "1.0e-05")
    #expect(TuningNumber.yaml(2.5) == "2.5")
}
