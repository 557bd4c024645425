import Testing

@testable import Store

@Test func stringsAreEscapedInJSONsShortFormsWhereItHasThem() {
    var writer = JSONWriter()
    writer.string("a\"b\\c\nd\re\tf\u{1}g\u{1F} caf\u{E9}")
    #expect(writer.text == #""a\"b\\c\nd\re\tf\u0001g\u001f café""#)
}

@Test func numbersAreWholeWhereTheyCanBeAndNullWhereTheyAreNotFinite() {
    var writer = JSONWriter()
    for value in [3.0, 0.1, -0.0, -2.5, 1e16, 1e-7, .nan, -.infinity] {
        writer.number(value)
        writer.raw(" ")
    }
    writer.number(nil as Double?)
    writer.raw(" ")
    writer.integer(.min)
    #expect(writer.text == "3 0.1 0 -2.5 1e+16 1e-07 null null null -9223372036854775808")
}

@Test(arguments: Engine.allCases) func aBoundListComesBackFromJSONEachAsItWent(engine: Engine) throws {
    let file = TemporaryDatabase(engine)
    let database = try Database(path: file.path)
    let texts = ["plain", "quote \" and \\ backslash", "line\nbreak\ttab", "caf\u{E9} \u{1F600}", "a/b", ""]
    let read = try database.makeStatement("SELECT value FROM json_each(?)").map([.jsonArray(texts)]) { $0.text(0) }
    #expect(read == texts)
    withExtendedLifetime(file) {}
}

@Test func nulIsEscapedAndLineSeparatorsAndDeleteAreWrittenAsTheyAre() {
    var writer = JSONWriter()
    writer.string("nul \u{0} line \u{2028} paragraph \u{2029} delete \u{7F} slash /")
    #expect(writer.text == "\"nul \\u0000 line \u{2028} paragraph \u{2029} delete \u{7F} slash /\"")
}
