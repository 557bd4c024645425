import Testing

@testable import Connectors

@Test func anEmptyPageThatSaysMoreFollowIsAskedAgain() throws {
    var answers: [[String: Any]] = [
        ["data": [Any](), "has_more": true], ["data": [["id": "cus_1"]], "has_more": true],
    ]
    var asked = 0
    let page = try StripePaging.page(
        what: "stripe customers page 2",
        fetch: { () -> [String: Any] in
            asked += 1
            return answers.removeFirst()
        }, body: { $0 })
    #expect(asked == 2 && (page["data"] as? [Any])?.count == 1)
}

@Test func anEmptyLastPageEndsTheListingAndAnEmptyPageThatStaysSoFailsIt() throws {
    let last = try StripePaging.page(what: "x", fetch: { ["data": [Any](), "has_more": false] }, body: { $0 })
    #expect(!StripePaging.hasMore(last))
    var asked = 0
    #expect(throws: SyncError.self) {
        _ = try StripePaging.page(
            what: "stripe charges page 4",
            fetch: { () -> [String: Any] in
                asked += 1
                return ["data": [Any](), "has_more": true]
            }, body: { $0 })
    }
    #expect(asked == StripePaging.emptyPageTries)
}
