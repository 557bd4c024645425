import Testing

import Store

@testable import Connectors

@Test func aRecordLeftOutCountsAsReadAndAsSkippedNotAsWritten() {
    var counter = StreamCounter(source: "hubspot", stream: "deals", mode: "full")
    for outcome in [.inserted, .updated, .unchanged, .skipped, .skipped] as [Upserter.Outcome] {
        counter.count(outcome)
    }
    #expect(counter.entry.records == 5)
    #expect([counter.entry.inserts, counter.entry.updates, counter.entry.skipped] == [1, 1, 2])
}
