/// One page of a list endpoint: the whole body, and its records each with the exact bytes it came in.
struct ListPage {
    /// A record of the page and its span of the body, stored as its `raw`.
    struct Record {
        let object: [String: Any]
        let raw: ArraySlice<UInt8>
    }

    /// The parsed body (paging fields such as `has_more`, `paging.next.after`, `nextRecordsUrl`, `next_offset`).
    let body: [String: Any]
    /// The records of the list, in order.
    let records: [Record]
}
