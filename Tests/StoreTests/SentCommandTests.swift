import Testing

@testable import Store

@Test func aSentCommandsAnswerIsCollectedWhole() throws {
    let file = TemporaryDatabase(.postgres)
    let database = try Database(path: file.path)
    try database.send("SELECT 2, 3")
    #expect(try database.collectSent().map(\.firstRow) == [2, 3])
    #expect(try database.collectSent() == nil, "nothing is on its way any more")
    try database.send("CREATE TEMP TABLE sent_rows AS SELECT generate_series(1, 4) AS n")
    #expect(try database.collectSent().map(\.changed) == 4)
}

@Test func aSentCommandsErrorIsThrownByTheNextCommand() throws {
    let file = TemporaryDatabase(.postgres)
    let database = try Database(path: file.path)
    try database.send("SELECT 1 / 0")
    #expect {
        try database.execute("SELECT 1")
    } throws: { error in
        guard let error = error as? StoreError else { return false }
        return error.state == "22012" && error.description.contains("SELECT 1 / 0")
    }
    try database.execute("SELECT 1")  // the connection is free again
}

@Test func aBulkBatchThatFailsOnTheServerFailsTheWriteAtItsFinish() throws {
    let file = TemporaryDatabase(.postgres)
    let database = try Database(path: file.path)
    #expect {
        try database.transaction {
            let bulk = try BulkUpserter(database: database, table: .contacts)
            // No account 42: the copy into staging takes the row, the insert sent after it does not.
            try bulk.add(
                source: "crm", externalID: "c1", values: [42, "Ann", "ann@example.com", 1, "2026-01-01"],
                raw: Array("{}".utf8))
            try bulk.finish()
        }
    } throws: { error in
        // SQLSTATE 23503 from one server; Citus reports the worker's error as XX000 with the same message.
        "\(error)".contains("violates foreign key constraint")
    }
    #expect(try database.makeStatement("SELECT count(*) FROM contacts").map { $0.integer(0) } == [0])
}
