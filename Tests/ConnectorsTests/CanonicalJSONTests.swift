import Foundation
import Testing

@testable import Connectors

private func parsed(_ text: String) throws -> Any {
    try JSONSerialization.jsonObject(with: Data(text.utf8))
}

@Test func canonicalJSONSortsKeysAndKeepsTypes() throws {
    let text = #"{"b":true,"a":1,"c":1.5,"d":null,"e":[0,false,"x"],"f":{"z":1,"y":12345678901234},"g":48000.0}"#
    let written = String(decoding: CanonicalJSON.bytes(try parsed(text)), as: UTF8.self)
    #expect(
        written == #"{"a":1,"b":true,"c":1.5,"d":null,"e":[0,false,"x"],"f":{"y":12345678901234,"z":1},"g":48000.0}"#)
}

@Test func canonicalJSONEscapesWhatJSONRequires() throws {
    let written = CanonicalJSON.bytes(["k": "quote \" slash \\ line\nbreak\ttab \u{01} é/"])
    #expect(String(decoding: written, as: UTF8.self) == #"{"k":"quote \" slash \\ line\nbreak\ttab \u0001 é/"}"#)
    let back = try JSONSerialization.jsonObject(with: Data(written)) as? [String: String]
    #expect(back?["k"] == "quote \" slash \\ line\nbreak\ttab \u{01} é/")
}

@Test func canonicalJSONIsTheSameWhateverTheParseOrder() throws {
    let one = CanonicalJSON.bytes(try parsed(#"{"x":{"b":1,"a":2},"y":[{"d":3,"c":4}]}"#))
    let two = CanonicalJSON.bytes(try parsed(#"{"y":[{"c":4,"d":3}],"x":{"a":2,"b":1}}"#))
    #expect(one == two)
}

@Test func canonicalJSONWritesSwiftValuesAsJSONSerializationReadsThem() {
    let object: [String: Any] = ["a": true, "b": 5, "c": Int64(7), "d": 1.5, "e": NSNull(), "f": [["g": false]]]
    #expect(
        String(decoding: CanonicalJSON.bytes(object), as: UTF8.self)
            == #"{"a":true,"b":5,"c":7,"d":1.5,"e":null,"f":[{"g":false}]}"#)
}

@Test func canonicalJSONWritesJSONSerializationsDecimalNumbersToTheirLastDigit() throws {
    // JSONSerialization reads these as NSDecimalNumbers, whose doubleValues are 0.3000000000000001 and
    // 0.12345678901234573.
    let text = #"[0.30000000000000004,0.123456789012345678901,-123456789012345678901234]"#
    #expect(String(decoding: CanonicalJSON.bytes(try parsed(text)), as: UTF8.self) == text)
}
