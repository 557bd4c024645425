import Foundation
import Store

/// Stripe's full listings: newest first with `starting_after`, several streams at once, each on its own connection
/// and thread, every page mapped there and written here with its cursor.
extension StripeSource {
    /// A page of a stream's listing, its records already mapped, with where the next one starts.
    struct Listed {
        let stream: String
        let records: [Record]

        /// A record's rows and the bytes it came in, or why it is left out (with the record, to name it).
        struct Record {
            var rows: StripeRows?
            var raw: ArraySlice<UInt8>
            var leftOut: (reason: OutOfRange, object: [String: Any])?
        }
        let hasMore: Bool
        let last: String?
    }

    /// Lists the streams not listed yet, at once; one log entry per stream (durations are the whole listing's).
    ///
    /// A page of charges is mapped once the invoice payments `invoicePayments` has read so far name every charge on it
    /// (a charge's invoice is found there), its own thread waiting for each page of them meanwhile, or once it has read
    /// them all. Waiting for them all before every other listing was 1.11x slower at 10k accounts; waiting for them all
    /// at the first page with a charge not linked yet left a 100k-account sync's charges waiting 14 of their 40 s (a
    /// charge pays an invoice of a month before, so the newest charges need the invoice payments of a month ago).
    func listAll(_ streams: [String], chargesAfter invoicePayments: PagePrefetcher<Int>? = nil) throws
        -> [SyncLogEntry]
    {
        let store = SyncStateStore(database: context.database)
        var states: [String: StreamState] = [:]
        var counters: [String: StreamCounter] = [:]
        var producers: [PagePrefetcher<Listed>.Producer] = []
        for stream in streams {
            let state = try store.state(source: name, stream: stream)
            counters[stream] = StreamCounter(
                source: name, stream: stream, mode: state.cursor == nil ? "full" : "full (resumed)")
            guard state.bookmark == nil else { continue }
            states[stream] = state
            let waiting = stream == "charges" ? invoicePayments : nil
            producers.append(
                pages(of: stream, after: state.cursor, on: try context.listingClient(), linkedBy: waiting))
        }
        let started = Date()
        let pages = PagePrefetcher(producers: producers)
        defer { pages.finish() }
        let transactions = PageTransactions(database: context.database)
        let writes = PageWrites(database: context.database)
        defer { try? transactions.commit() }  // the pages written before a failure are kept
        while let page = try pages.next() {
            guard var state = states[page.stream], var counter = counters[page.stream] else { continue }
            try transactions.page {
                try lookUpAccounts(of: page.records.compactMap(\.rows))
                for (number, record) in page.records.enumerated() {
                    if let rows = record.rows { try write(rows, raw: record.raw, record: number, into: writes) }
                }
                let outcomes = try writes.finish()
                for (number, record) in page.records.enumerated() {
                    if let (reason, object) = record.leftOut {
                        context.leaveOut(object, stream: page.stream, because: reason)
                        counter.count(.skipped)
                    } else {
                        counter.count(outcomes[number] ?? .unchanged)
                    }
                }
                state.cursor = page.hasMore ? (page.last ?? state.cursor) : nil
                if !page.hasMore { state.bookmark = "listed" }
                try store.save(state, source: name, stream: page.stream)
            }
            counter.entry.pages += 1
            states[page.stream] = state
            counters[page.stream] = counter
            context.progress("\(name) \(page.stream): \(counter.entry.records) records")
        }
        try transactions.commit()
        return streams.compactMap { stream in
            guard var entry = counters[stream]?.entry else { return nil }
            entry.durationMilliseconds = states[stream] == nil ? 0 : Int(Date().timeIntervalSince(started) * 1000)
            entry.retries = context.retries
            return entry
        }
    }

    /// A stream's paging loop, newest first on `client`; stops with an error if a cursor repeats.
    ///
    /// With `invoicePayments`, a page is mapped once every charge on it is linked to its invoice, or once that listing
    /// has ended (a charge that pays no invoice waits for the whole listing); its end is awaited then and before the
    /// last page either way, so its failure is the stream's.
    private func pages(
        of stream: String, after start: String?, on client: HTTPClient, linkedBy invoicePayments: PagePrefetcher<Int>?
    ) -> PagePrefetcher<Listed>.Producer {
        { deliver in
            var reading = invoicePayments
            var cursor = start
            var seen = Set<String>()
            var number = 0
            while true {
                number += 1
                let after = cursor.map { "&starting_after=" + ServerURL.queryValue($0) } ?? ""
                // Canceled subscriptions are listed only with status=all.
                let status = stream == "subscriptions" ? "&status=all" : ""
                let what = "\(name) \(stream) page \(number)"
                let path = "/v1/\(stream)?limit=\(context.settings.pageSize)\(status)\(after)"
                let page = try StripePaging.page(
                    what: what,
                    fetch: {
                        try context.fetchList(
                            path, listKey: "data", recordFields: StripeRows.fields, headers: headers, on: client,
                            what: what, classify: Self.classify)
                    },
                    body: \.body)
                guard page.body["data"] is [Any] else {
                    throw SyncError(what: what, reason: "no `data` list in the response")
                }
                let hasMore = StripePaging.hasMore(page.body)
                let last = page.records.last?.object["id"] as? String
                if let last, !seen.insert(last).inserted {
                    throw SyncError(
                        what: "\(name) \(stream)", reason: "the cursor \(last) repeated; stopping instead of looping")
                }
                // Once the invoice payments listing has ended, its error, if it failed, is the stream's: no charge is
                // written without its invoice for want of a link a resumed listing would not look for again.
                let objects = page.records.map(\.object)
                // Looked up under the same lock that says the listing has ended: a charge unlinked then stays unlinked.
                let found = links.invoices(of: objects, waiting: reading != nil)
                if let listing = reading, !found.linked || !hasMore {
                    _ = try listing.next()
                    reading = nil
                }
                let mapped = try page.records.enumerated().map { number, record -> Listed.Record in
                    do {
                        return Listed.Record(
                            rows: try StripeRows.of(record.object, invoice: found.invoices[number]), raw: record.raw)
                    } catch let outOfRange as OutOfRange {
                        return Listed.Record(rows: nil, raw: record.raw, leftOut: (outOfRange, record.object))
                    } catch let missing as MissingField {
                        throw SyncError(what: "\(name) \(stream)", reason: missing.description)
                    }
                }
                try deliver(Listed(stream: stream, records: mapped, hasMore: hasMore, last: last))
                guard hasMore, let last else { return }  // StripePaging let no empty page with has_more through
                cursor = last
            }
        }
    }
}
