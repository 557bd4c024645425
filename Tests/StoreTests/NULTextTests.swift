import Testing

import TestSupport

@testable import Store

@Test(arguments: Engine.allCases)
func textWithANULIsKeptWholeOnSQLiteAndRefusedOnPostgreSQL(engine: Engine) throws {
    let scratch = try TestDatabase(engine: engine)
    let database = try scratch.open()
    let statement = try database.makeStatement("SELECT ?")
    guard engine == .postgres else {
        #expect(try statement.map([.text("a\u{0}b")]) { $0.text(0) } == ["a\u{0}b"])
        return
    }
    #expect(throws: StoreError.self) { try statement.map([.text("a\u{0}b")]) { $0.text(0) } }
    #expect(try statement.map([.text("ab")]) { $0.text(0) } == ["ab"])
}
