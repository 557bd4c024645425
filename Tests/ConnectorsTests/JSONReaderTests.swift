import Foundation
import Testing

@testable import Connectors

private func read(_ text: String) throws -> Any { try JSONReader.parse(Array(text.utf8)) }

@Test func readerBuildsNativeSwiftValues() throws {
    let value = try read(
        #" {"s":"x","i":-42,"big":12345678901234,"d":1.5,"e":2E3,"t":true,"f":false,"n":null,"a":[1,"y",[]],"o":{}} "#)
    let object = try #require(value as? [String: Any])
    #expect(object["s"] as? String == "x")
    #expect(object["i"] as? Int == -42)
    #expect(object["big"] as? Int == 12_345_678_901_234)
    #expect(object["d"] as? Double == 1.5)
    #expect(object["e"] as? Double == 2000)
    #expect(object["t"] as? Bool == true)
    #expect(object["f"] as? Bool == false)
    #expect(object["n"] is NSNull)
    let array = try #require(object["a"] as? [Any])
    #expect(
        array.count == 3 && array[0] as? Int == 1 && array[1] as? String == "y" && (array[2] as? [Any])?.isEmpty == true
    )
    #expect((object["o"] as? [String: Any])?.isEmpty == true)
}

@Test func readerDecodesEscapesAndSurrogatePairs() throws {
    let text = #"["a\"b\\c\/d\n\t\r\b\f", "\u00e9\u4e2d", "\ud83d\ude00!", "plain é 中"]"#
    let strings = try #require(try read(text) as? [String])
    #expect(strings == ["a\"b\\c/d\n\t\r\u{08}\u{0C}", "é中", "😀!", "plain é 中"])
}

@Test func readerReadsAnEscapedNULAsTheReplacementCharacter() throws {
    let strings = try #require(try read(#"["Acme\u0000Corp", "\u0000"]"#) as? [String])
    #expect(strings == ["Acme\u{FFFD}Corp", "\u{FFFD}"])
}

@Test func readerKeepsIntegersAtTheEdgesAndFallsBackToDouble() throws {
    let numbers = try #require(
        try read("[9223372036854775807,-9223372036854775808,9223372036854775808,-0,0.1e-2]") as? [Any])
    #expect(numbers[0] as? Int == Int.max)
    #expect(numbers[1] as? Int == Int.min)
    #expect(numbers[2] as? Double == 9_223_372_036_854_775_808)
    #expect(numbers[3] as? Int == 0)
    #expect(numbers[4] as? Double == 0.001)
}

@Test(arguments: [
    (#"{"a":1"#, 6, "the text ends inside an object"),
    (#"{"a" 1}"#, 5, "expected ':' after a key"),
    (#"[1,]"#, 3, "unexpected character ']'"),
    (#"{"a":tru}"#, 5, "expected true"),
    (#""abc"#, 4, "the text ends inside a string"),
    (#"[01]"#, 2, "a number with a leading zero"),
    (#"-"#, 1, "a number without digits"),
    (#"1."#, 2, "a number with no digits after '.'"),
    (#""\q""#, 2, #"an unknown escape '\q'"#),
    (#""\ud800x""#, 7, #"a lone high surrogate in a \u escape"#),
    ("\"a\u{01}\"", 2, "a control character inside a string"),
    (#"{} {}"#, 3, "text after the end of the value"),
    ("", 0, "the text ends where a value should start"),
])
func readerNamesTheByteAndTheReason(text: String, offset: Int, reason: String) {
    #expect(throws: JSONReader.Error.self) { try read(text) }
    do {
        _ = try read(text)
    } catch let error as JSONReader.Error {
        #expect(error.offset == offset, "\(text)")
        #expect(error.reason == reason, "\(text)")
    } catch {
        Issue.record("unexpected \(error)")
    }
}

@Test func readerRefusesNestingDeeperThanItsLimit() throws {
    let deep =
        String(repeating: "[", count: JSONReader.maximumDepth + 1)
        + String(repeating: "]", count: JSONReader.maximumDepth + 1)
    #expect(throws: JSONReader.Error.self) { try read(deep) }
    let fine =
        String(repeating: "[", count: JSONReader.maximumDepth) + String(repeating: "]", count: JSONReader.maximumDepth)
    #expect(try read(fine) is [Any])
}

/// The same JSON value whichever parser read it: numbers compared as numbers, booleans as booleans.
private func same(_ ours: Any, _ foundation: Any) -> Bool {
    switch (ours, foundation) {
    case let (a as [String: Any], b as [String: Any]):
        return a.count == b.count && a.allSatisfy { key, value in b[key].map { same(value, $0) } ?? false }
    case let (a as [Any], b as [Any]):
        return a.count == b.count && zip(a, b).allSatisfy(same)
    case let (a as String, b as String): return a == b
    case (is NSNull, is NSNull): return true
    case let (a as Bool, b as NSNumber) where type(of: ours) == Bool.self: return a == b.boolValue
    case let (_, b as NSNumber): return JSONNumber.double(ours) == b.doubleValue
    default: return false
    }
}

/// Every real-shaped API body reads to the same values as Foundation's parser.
@Test func readerAgreesWithFoundationOnTheAPIExamples() throws {
    // The real-shaped bodies of API-NOTES (../shared/api-examples), copied so a clone alone runs the test.
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Fixtures/api-examples")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }
    #expect(files.count >= 20)
    for file in files {
        let bytes = try [UInt8](Data(contentsOf: folder.appendingPathComponent(file)))
        #expect(same(try JSONReader.parse(bytes), try JSONSerialization.jsonObject(with: Data(bytes))), "\(file)")
    }
}

/// A page `{"data": [records], ...}` read keeping only `fields` inside its records.
private func list(_ text: String, keeping fields: Set<String>?) throws -> (object: [String: Any], spans: [Range<Int>]) {
    try JSONReader.list(Array(text.utf8), listKey: "data", recordFields: fields)
}

@Test func aListReadKeepingSomeFieldsBuildsOnlyThoseInsideItsRecords() throws {
    let text = #"""
        {"skip": 3, "data": [{"id": "a", "skip": {"x": [1, 2.5e3, {"y": "\u00e9\"", "z": null}], "w": true},
        "keep": {"skip": [], "id": 2}}, {"keep": [{"id": "b", "skip": "\ud83d\ude00"}]}], "has_more": false}
        """#
    let kept = try list(text, keeping: ["id", "keep"])
    let whole = try list(text, keeping: nil)
    #expect(kept.spans == whole.spans)
    #expect(kept.object["skip"] as? Int == 3 && kept.object["has_more"] as? Bool == false)  // the envelope is whole
    let records = try #require(kept.object["data"] as? [[String: Any]])
    #expect(records.count == 2)
    #expect(Set(records[0].keys) == ["id", "keep"])
    #expect(records[0]["id"] as? String == "a")
    let keep = try #require(records[0]["keep"] as? [String: Any])
    #expect(Set(keep.keys) == ["id"] && keep["id"] as? Int == 2)
    let nested = try #require((records[1]["keep"] as? [[String: Any]])?.first)
    #expect(Set(nested.keys) == ["id"] && nested["id"] as? String == "b")
}

@Test func aRecordsKeyIsKeptByWhatItSpellsHoweverItIsWritten() throws {
    // Escaped, it is read as a string and then looked up; not ASCII, or longer or shorter than any kept key, it is
    // not kept; a key in a record that cuts off, or holds a control character, fails as it does unfiltered.
    let text = #"""
        {"data": [{"\u0069d": "a", "i\u0064x": 1, "idé": 2, "identity": 3, "i": 4, "keep": 5, "kee\"p": 6}]}
        """#
    let records = try #require(try list(text, keeping: ["id", "keep", "é"]).object["data"] as? [[String: Any]])
    #expect(Set(records[0].keys) == ["id", "keep"])
    #expect(records[0]["id"] as? String == "a" && records[0]["keep"] as? Int == 5)
    for broken in [#"{"data": [{"id"#, "{\"data\": [{\"i\u{1}d\": 1}]}"] {
        for fields: Set<String>? in [["id"], nil] {
            #expect(throws: JSONReader.Error.self) { try list(broken, keeping: fields) }
        }
    }
}

@Test(arguments: [
    (#"{"data": [{"skip": "\q"}]}"#, #"an unknown escape '\q'"#),
    (#"{"data": [{"skip": "\ud800x"}]}"#, #"a lone high surrogate in a \u escape"#),
    (#"{"data": [{"skip": [1, ]}]}"#, "unexpected character ']'"),
    (#"{"data": [{"skip": {"a" 1}}]}"#, "expected ':' after a key"),
    (#"{"data": [{"skip": {"a": 1]}]}"#, "expected ',' or '}' in an object"),
    (#"{"data": [{"skip": 01}]}"#, "a number with a leading zero"),
    (#"{"data": [{"skip": tru}]}"#, "expected true"),
    (#"{"data": [{"skip": "cut"#, "the text ends inside a string"),
])
func aSkippedValueThatIsNotJSONFailsAsAKeptOneDoes(text: String, reason: String) {
    for fields: Set<String>? in [["id"], nil] {
        do {
            _ = try list(text, keeping: fields)
            Issue.record("\(text) was read")
        } catch let error as JSONReader.Error {
            #expect(error.reason == reason, "\(text)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}

@Test func aSkippedValueIsHeldToTheNestingLimit() throws {
    let depth = JSONReader.maximumDepth
    // The page, its list and the record are three levels already.
    func page(nesting levels: Int) -> String {
        #"{"data": [{"skip": "# + String(repeating: "[", count: levels) + String(repeating: "]", count: levels) + "}]}"
    }
    #expect(throws: JSONReader.Error.self) { try list(page(nesting: depth - 2), keeping: ["id"]) }
    #expect(try list(page(nesting: depth - 3), keeping: ["id"]).spans.count == 1)
}
