import Foundation
import Generator
import Testing

@testable import Host

/// Cells an attacker may plant in a name or id, and what a spreadsheet must receive.
@Test(arguments: [
    ("=HYPERLINK(\"http://evil\")", "\"'=HYPERLINK(\"\"http://evil\"\")\""),
    ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
    ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
    ("@SUM(1+1)*cmd", "'@SUM(1+1)*cmd"),
    ("\t=1+1", "'\t=1+1"),
    ("\r=1+1", "\"'\r=1+1\""),
    ("Acme\rCorp", "\"Acme\rCorp\""),
    ("Acme\r\nCorp", "\"Acme\r\nCorp\""),
    ("Beta, LLC", "\"Beta, LLC\""),
    ("-12.5", "-12.5"),
    ("+7", "+7"),
    ("plain", "plain"),
])
func csvCellsAreNeutralisedAndQuoted(cell: String, written: String) {
    #expect(CSVField.escape(cell) == written)
}

@Test func csvRowsWithCarriageReturnsStayOneRecordEach() {
    let rows = [["a\rb", "1"], ["c", "2"]].map(CSVField.row)
    // A reader that honours RFC 4180 quoting sees two records of two fields each.
    var records: [[String]] = []
    var field = "", record: [String] = [], quoted = false
    var scalars = (rows.joined(separator: "\n") + "\n").unicodeScalars.makeIterator()
    while let scalar = scalars.next() {
        switch (scalar, quoted) {
        case ("\"", _): quoted.toggle()
        case (",", false): record.append(field); field = ""
        case ("\n", false): record.append(field); records.append(record); field = ""; record = []
        default: field.unicodeScalars.append(scalar)
        }
    }
    #expect(records == [["a\rb", "1"], ["c", "2"]])
}

@Test(arguments: [
    ("\u{1B}]0;pwned\u{07}", "\\u001B]0;pwned\\u0007"),
    ("\u{1B}[2J\u{1B}[H", "\\u001B[2J\\u001B[H"),
    ("a\u{9B}31mb", "a\\u009B31mb"),
    ("tab\tand\nnewline", "tab\tand\nnewline"),
    ("cr\rhere", "cr\\u000Dhere"),
    ("nul\u{0}del\u{7F}", "nul\\u0000del\\u007F"),
    ("admin\u{202E}gpj.exe", "admin\\u202Egpj.exe"),
    ("Café Zürich", "Café Zürich"),
])
func controlCharactersAreShownNotObeyed(text: String, shown: String) {
    #expect(TerminalText.safe(text) == shown)
}

@Test func terminalSafeTextReadsBackAsTheSameJSONString() throws {
    let name = "x\u{9B}y\u{85}z"
    let json = "[\"" + TerminalText.safe(name) + "\"]"
    let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String]
    #expect(decoded == [name])
}

@Test func tablesLineUpAfterEscapes() {
    var table = TextTable(columns: ["name", "n"], numeric: [1])
    table.rows = [["\u{1B}[2Jx", "1"], ["plain", "22"]]
    let lines = table.render(width: nil).split(separator: "\n")
    #expect(!lines.joined().contains("\u{1B}"))
    #expect(Set(lines.map(\.count)).count == 1)
}

@Test(arguments: [1e16, -1e16, 9.3e18, 1e300, -1e300, Double.greatestFiniteMagnitude])
func hugeFiguresPrintWithoutTrapping(value: Double) {
    let text = Figures.fixed(value, decimals: 1)
    #expect(!text.isEmpty && text.count < 40)
    #expect(Double(text) != nil)
    #expect(Figures.raw(value) == Figures.fixed(value, decimals: 3))
}
