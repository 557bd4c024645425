import Testing

@testable import Store

@Test(arguments: Engine.allCases) func statusShowsEachStreamsLatestRowAndOnlyFailuresNoStreamHasLoggedSince(
    engine: Engine
) throws {
    let file = TemporaryDatabase(engine)
    let log = SyncStateStore(database: try Database(path: file.path))
    func entry(_ source: String, _ stream: String, records: Int, error: String? = nil) -> SyncLogEntry {
        var entry = SyncLogEntry(source: source, stream: stream, mode: "incremental")
        entry.records = records
        entry.error = error
        return entry
    }
    try log.log(entry("stripe", "customers", records: 10))
    try log.log(entry("stripe", "invoices", records: 20))
    try log.log(entry("stripe", "*", records: 0, error: "stripe events page 1: HTTP 401"))
    try log.log(entry("stripe", "customers", records: 3))
    try log.log(entry("hubspot", "companies", records: 5))
    try log.log(entry("hubspot", "*", records: 0, error: "hubspot companies search page 1: HTTP 429 daily limit"))
    let rows = try log.latestPerStream().map { "\($0.source) \($0.stream) \($0.records) \($0.error ?? "")" }
    #expect(
        rows == [
            "hubspot companies 5 ", "hubspot * 0 hubspot companies search page 1: HTTP 429 daily limit",
            "stripe customers 3 ", "stripe invoices 20 ",
        ])
    #expect(try log.recentLog(limit: 2).map(\.stream) == ["*", "companies"])
}

@Test(arguments: Engine.allCases) func theLogKeepsHowManyRecordsWereLeftOut(engine: Engine) throws {
    let file = TemporaryDatabase(engine)
    let log = SyncStateStore(database: try Database(path: file.path))
    var entry = SyncLogEntry(source: "hubspot", stream: "deals", mode: "full")
    entry.records = 10
    entry.inserts = 7
    entry.skipped = 3
    try log.log(entry)
    let read = try #require(try log.latestPerStream().first)
    #expect(read.records == 10 && read.inserts == 7 && read.skipped == 3)
}
