import Testing

@testable import Store

@Test func anErrorNamesTheWholeStatementOnOneLine() throws {
    let file = TemporaryDatabase()
    let database = try Database(path: file.path)
    let padding = (1...40).map { "'column \($0)' AS c\($0)" }.joined(separator: ",\n    ")
    let sql = "SELECT\n    \(padding),\n    missing_column\nFROM accounts"
    #expect {
        try database.makeStatement(sql)
    } throws: { error in
        let text = "\(error)"
        return !text.contains("\n") && text.contains("no such column: missing_column")
            && text.hasSuffix("'column 40' AS c40, missing_column FROM accounts`")
    }
}
