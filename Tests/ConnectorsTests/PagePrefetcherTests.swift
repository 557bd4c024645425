import Foundation
import Testing

@testable import Connectors

private struct Boom: Error {}

/// Counts what the producer did, across its thread and the test's.
private final class Tally: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func add() { lock.lock(); value += 1; lock.unlock() }
    func set(_ new: Int) { lock.lock(); value = new; lock.unlock() }
    var count: Int { lock.lock(); defer { lock.unlock() }; return value }
}

@Test func prefetcherHandsOverEveryPageInOrderThenNil() throws {
    let pages = PagePrefetcher<Int> { deliver in
        for page in 1...50 { try deliver(page) }
    }
    defer { pages.finish() }
    var read: [Int] = []
    while let page = try pages.next() { read.append(page) }
    #expect(read == Array(1...50))
    #expect(try pages.next() == nil)
}

@Test func prefetcherRaisesTheProducersErrorOnlyAfterThePagesBeforeIt() throws {
    let pages = PagePrefetcher<Int> { deliver in
        try deliver(1)
        try deliver(2)
        throw Boom()
    }
    defer { pages.finish() }
    #expect(try pages.next() == 1)
    #expect(try pages.next() == 2)
    #expect(throws: Boom.self) { try pages.next() }
}

@Test func prefetcherRunsAtMostItsDepthAheadAndStopsWhenFinished() throws {
    let produced = Tally()
    let pages = PagePrefetcher<Int>(depth: 2) { deliver in
        for page in 1...1_000 {
            produced.add()
            try deliver(page)
        }
    }
    #expect(try pages.next() == 1)
    // One page read, two waiting, and the producer blocked handing over the fourth; and no further, however long.
    let deadline = Date().addingTimeInterval(10)
    while produced.count < 4 && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
    Thread.sleep(forTimeInterval: 0.1)
    #expect(produced.count == 4)
    pages.finish()
    #expect(produced.count == 4)
    pages.finish()
}

@Test func pacerSpacesRequestsFromEveryClientThatSharesIt() {
    let pacer = RequestPacer(requestsPerSecond: 100)
    let started = Date()
    let group = DispatchGroup()
    for _ in 0..<2 {
        DispatchQueue.global().async(group: group) { for _ in 0..<3 { pacer.wait() } }
    }
    group.wait()
    // Six requests at 100 per second: the last may start no sooner than 50 ms after the first.
    #expect(Date().timeIntervalSince(started) >= 0.05)
}

@Test func listSpansAreTheRecordsOwnBytes() throws {
    let body = Array(
        #"{"data": [ {"id":"a","n":[1,{"x":2}]} ,{"id":"b"}], "has_more":true, "other":[{"id":"z"}]}"#.utf8)
    let (object, spans) = try JSONReader.list(body, listKey: "data")
    #expect(
        spans.map { String(decoding: body[$0], as: UTF8.self) } == [#"{"id":"a","n":[1,{"x":2}]}"#, #"{"id":"b"}"#])
    #expect(object["has_more"] as? Bool == true)
    #expect(throws: JSONReader.Error.self) { try JSONReader.list(Array("[1]".utf8), listKey: "data") }
}

@Test func severalProducersEachKeepTheirOrderAndAllArrive() throws {
    let pages = PagePrefetcher<(String, Int)>(
        producers: ["a", "b", "c"].map { name in
            { deliver in for page in 1...40 { try deliver((name, page)) } }
        })
    defer { pages.finish() }
    var read: [String: [Int]] = [:]
    while let (name, page) = try pages.next() { read[name, default: []].append(page) }
    #expect(read == ["a": Array(1...40), "b": Array(1...40), "c": Array(1...40)])
}

@Test func oneProducerFailingStopsTheOthersAndIsRaised() throws {
    let others = Tally()
    let atFailure = Tally()
    let pages = PagePrefetcher<Int>(producers: [
        { deliver in
            try deliver(-1)
            atFailure.set(others.count)  // how far the other had got when this one failed
            throw Boom()
        },
        { deliver in
            for page in 1...1_000_000 {
                others.add()
                try deliver(page)
            }
        },
    ])
    defer { pages.finish() }
    #expect(throws: Boom.self) { while try pages.next() != nil {} }
    pages.finish()
    // However late the failing thread was scheduled, the failure stopped the other listing soon after it (its next
    // deliveries are refused), not at its end: a bound on the pages made after the failure, not on those before.
    #expect(others.count < atFailure.count + 1_000, "\(others.count) pages after \(atFailure.count) at the failure")
}
