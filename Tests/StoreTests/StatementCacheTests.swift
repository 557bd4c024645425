import Testing

@testable import Store

@Test func aCachedStatementIsPreparedOnceAndKept() throws {
    let file = TemporaryDatabase()
    let database = try Database(path: file.path)
    let before = database.cachedStatementCount
    let first = try database.cachedStatement("SELECT count(*) FROM accounts")
    let second = try database.cachedStatement("SELECT count(*) FROM accounts")
    #expect(first === second)
    #expect(database.cachedStatementCount == before + 1)
}

@Test func aMadeStatementIsNewEachTimeAndNotKept() throws {
    let file = TemporaryDatabase()
    let database = try Database(path: file.path)
    let before = database.cachedStatementCount
    let first = try database.makeStatement("SELECT count(*) FROM accounts")
    let second = try database.makeStatement("SELECT count(*) FROM accounts")
    #expect(first !== second)
    #expect(try first.map { $0.integer(0) } == [0])
    #expect(database.cachedStatementCount == before)
}
