import Testing

@testable import Store

@Test(arguments: Engine.allCases) func anErrorNamesTheWholeStatementOnOneLine(engine: Engine) throws {
    let file = TemporaryDatabase(engine)
    let database = try Database(path: file.path)
    let padding = (1...40).map { "'column \($0)' AS c\($0)" }.joined(separator: ",\n    ")
    let sql = "SELECT\n    \(padding),\n    missing_column\nFROM accounts"
    #expect {
        try database.makeStatement(sql).map { _ in () }
    } throws: { error in
        let text = "\(error)"
        let message =
            engine == .sqlite ? "no such column: missing_column" : "column \"missing_column\" does not exist"
        return !text.contains("\n") && text.contains(message)
            && text.hasSuffix("'column 40' AS c40, missing_column FROM accounts`")
    }
}
