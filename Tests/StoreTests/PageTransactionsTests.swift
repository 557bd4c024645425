import Testing

@testable import Store

private struct PageFailed: Error {}

private func importRow(_ database: Database, _ file: String) throws {
    try database.makeStatement(
        "INSERT INTO imports (kind, file, rows_read, rows_written, imported_at) VALUES ('t', ?, 0, 0, 'now')"
    )
    .bind([.text(file)]).step()
}

private func files(_ path: String) throws -> [String] {
    try Database(path: path).makeStatement("SELECT file FROM imports ORDER BY id").map { $0.text(0) ?? "" }
}

@Test(arguments: Engine.allCases) func pagesAreCommittedInRunsThatOthersSeeOnlyOnceCommitted(engine: Engine) throws {
    let file = TemporaryDatabase(engine)
    let database = try Database(path: file.path)
    let transactions = PageTransactions(database: database, interval: 3_600)
    try transactions.page { try importRow(database, "p1") }
    try transactions.page { try importRow(database, "p2") }
    #expect(try files(file.path).isEmpty)
    try transactions.commit()
    #expect(try files(file.path) == ["p1", "p2"])
    try transactions.commit()
}

@Test(arguments: Engine.allCases) func aFailingPageUndoesItsRunAndTheNextPageStartsAFreshOne(engine: Engine) throws {
    let file = TemporaryDatabase(engine)
    let database = try Database(path: file.path)
    let transactions = PageTransactions(database: database, interval: 3_600)
    try transactions.page { try importRow(database, "p1") }
    #expect(throws: PageFailed.self) {
        try transactions.page {
            try importRow(database, "p2 half")
            throw PageFailed()
        }
    }
    // The run, cursors included, is undone: a rerun fetches its pages again.
    #expect(try files(file.path).isEmpty)
    try transactions.page { try importRow(database, "p3") }
    try transactions.commit()
    #expect(try files(file.path) == ["p3"])
}

@Test(arguments: Engine.allCases) func aRunIsCommittedOnceItsIntervalHasPassed(engine: Engine) throws {
    let file = TemporaryDatabase(engine)
    let database = try Database(path: file.path)
    let transactions = PageTransactions(database: database, interval: 0)
    try transactions.page { try importRow(database, "p1") }
    #expect(try files(file.path) == ["p1"])
}
