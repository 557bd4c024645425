import Foundation
import Testing

@testable import Store

@Test func recordsetRowsAreAJSONArrayOfObjectsEachValueItsTextOrNull() throws {
    var rows = RecordsetRows(columns: ["source", "name", "cents", "share"])
    let hostile = "quote \" backslash \\ tab \t line \n bell \u{7} 🦊"
    for value in [SQLValue.text("stripe"), .text(hostile), .integer(Int64.min), .real(0.1 + 0.2)] { rows.append(value) }
    rows.endRow()
    rows.append(utf8: Array("raw {\"a\":[1]}".utf8)[...])
    for value in [SQLValue.null, .integer(7), .real(-.infinity)] { rows.append(value) }
    rows.endRow()
    #expect(rows.count == 2)
    // Foundation's parser, not ours, reads it back.
    let parsed = try #require(JSONSerialization.jsonObject(with: Data(rows.json.utf8)) as? [[String: Any]])
    #expect(parsed.count == 2)
    #expect(parsed[0]["source"] as? String == "stripe")
    #expect(parsed[0]["name"] as? String == hostile)
    #expect(parsed[0]["cents"] as? String == String(Int64.min))
    #expect(parsed[0]["share"] as? String == "0.30000000000000004")
    #expect(parsed[1]["source"] as? String == "raw {\"a\":[1]}")
    #expect(parsed[1]["name"] is NSNull)
    #expect(parsed[1]["share"] as? String == "-Infinity")
}

@Test func noRowsAreAnEmptyArrayAndARowOfNoValuesAnEmptyObject() {
    var rows = RecordsetRows(columns: ["source"])
    #expect(rows.json == "[]")
    rows.endRow()
    rows.endRow()
    #expect(rows.json == "[{},{}]")
}
