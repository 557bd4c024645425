import Foundation
import Store

/// Stripe: customers, subscriptions, invoices and charges listed newest first on the first sync, then `/v1/events` for
/// what changed.
///
/// A subscription becomes MRR changes: its monthly amount from its start, and 0 from its end. A charge becomes a
/// payment, tied to its invoice through invoice payments; a dispute event (whose object is the dispute) rewrites the
/// charge it names. An event rendered in another API version has its object fetched afresh.
///
/// Each page is written in one transaction together with the cursor it came with, so a crash resumes where it
/// stopped. The events cursor is the newest event applied; pages are walked forward in time with `ending_before`
/// and applied oldest first. Stripe keeps events 30 days: when the cursor is gone (400 resource_missing), the
/// source starts over with a full sync. Requests pin `Stripe-Version`.
public struct StripeSource {
    /// The API version requests are pinned to.
    public static let apiVersion = "2025-05-28.basil"
    let context: SyncContext
    /// The invoice each PaymentIntent or charge pays, read from invoice payments.
    let links = StripeInvoiceLinks()
    var name: String { context.settings.name }

    /// Creates the source on a context.
    public init(context: SyncContext) { self.context = context }

    /// Lists every stream (when asked, or when a stream was never listed), then applies the events since the cursor.
    public func sync(full: Bool) throws -> [SyncLogEntry] {
        let states = SyncStateStore(database: context.database)
        if full { try states.reset(source: name) }
        var entries: [SyncLogEntry] = []
        var events = try states.state(source: name, stream: "events")
        let needsFull = try Self.streams.contains { try states.state(source: name, stream: $0).bookmark == nil }
        if needsFull {
            if events.bookmark == nil {
                // Note where the event stream stands before listing, so the next incremental misses nothing.
                let newest = try fetch("/v1/events?limit=1", what: "\(name) events")
                events.bookmark = ((newest["data"] as? [[String: Any]])?.first?["id"] as? String) ?? Self.noEvents
                try context.database.transaction { try states.save(events, source: name, stream: "events") }
            }
            // Customers first (the others refer to them), then the rest at once, each on its own connection; a page
            // of charges is mapped once the invoice payments read so far link all of it, or once all are read.
            let chargesListed = try states.state(source: name, stream: "charges").bookmark != nil
            let invoicePayments = chargesListed ? nil : try startInvoicePayments()
            defer { invoicePayments?.finish() }
            entries += try listAll(["customers"])
            try context.accountsWritten(by: entries.last)
            entries += try listAll(Array(Self.streams.dropFirst()), chargesAfter: invoicePayments)
        }
        // After a full listing too: catch up with what changed while it ran (events since the noted bookmark).
        do {
            entries.append(try applyEvents())
        } catch let error as CursorExpired {
            context.progress("\(name): \(error.description); starting a full sync")
            try states.reset(source: name)
            return try sync(full: false)
        }
        return entries
    }

    static let noEvents = "-"

    /// The listed streams, in the order they are synced (customers first: the others refer to them).
    static let streams = ["customers", "subscriptions", "invoices", "charges"]

    private func applyEvents() throws -> SyncLogEntry {
        let states = SyncStateStore(database: context.database)
        var state = try states.state(source: name, stream: "events")
        var counter = StreamCounter(source: name, stream: "events", mode: "incremental")
        let started = Date()
        if state.bookmark == Self.noEvents {
            // There were no events when the full sync began: walk every event from the newest back, then apply in
            // order.
            var all: [[String: Any]] = []
            var after: String?
            while true {
                let path =
                    "/v1/events?limit=\(context.settings.pageSize)"
                    + (after.map { "&starting_after=" + ServerURL.queryValue($0) } ?? "")
                let what = "\(name) events page \(counter.entry.pages + 1)"
                let page = try StripePaging.page(what: what, fetch: { try fetch(path, what: what) }, body: { $0 })
                let objects = page["data"] as? [[String: Any]] ?? []
                all += objects
                counter.entry.pages += 1
                after = objects.last?["id"] as? String
                if !StripePaging.hasMore(page) { break }
            }
            for chunk in stride(from: all.count, to: 0, by: -context.settings.pageSize) {
                let slice = Array(all[max(0, chunk - context.settings.pageSize)..<chunk])
                try apply(slice, state: &state, counter: &counter)
            }
            if all.isEmpty {
                counter.entry.durationMilliseconds = Int(Date().timeIntervalSince(started) * 1000)
                return counter.entry
            }
        } else {
            while let cursor = state.bookmark {
                let page: [String: Any]
                let what = "\(name) events page \(counter.entry.pages + 1)"
                do {
                    page = try StripePaging.page(
                        what: what,
                        fetch: {
                            let path = "/v1/events?limit=\(context.settings.pageSize)&ending_before=\(cursor)"
                            return try fetch(path, what: what)
                        },
                        body: { $0 })
                } catch let error as SyncError where error.reason.contains("resource_missing") {
                    throw CursorExpired(
                        description: "the events cursor \(cursor) is older than Stripe keeps events (30 days)")
                }
                let objects = page["data"] as? [[String: Any]] ?? []
                counter.entry.pages += 1
                if objects.isEmpty { break }  // no event since the cursor (an empty page with has_more was asked again)
                try apply(objects, state: &state, counter: &counter)
                if !StripePaging.hasMore(page) { break }
            }
        }
        counter.entry.durationMilliseconds = Int(Date().timeIntervalSince(started) * 1000)
        counter.entry.retries = context.retries
        return counter.entry
    }

    /// Applies a page of events (newest first, as listed) oldest first, and moves the cursor in the same transaction.
    private func apply(_ events: [[String: Any]], state: inout StreamState, counter: inout StreamCounter) throws {
        let states = SyncStateStore(database: context.database)
        var newState = state
        try context.database.transaction {
            for event in events.reversed() {
                guard let data = event["data"] as? [String: Any], let snapshot = data["object"] as? [String: Any] else {
                    continue
                }
                let object = try current(snapshot, of: event)
                if try links.add(object) { continue }  // an invoice payment: a link for the charges, no row of its own
                if object["deleted"] as? Bool == true, object["object"] as? String == "customer",
                    let id = object["id"] as? String
                {
                    // A customer deleted before any listing saw it still gets its row, marked deleted.
                    _ = try accountRow(id)
                    if try IdentityStore(database: context.database).markDeleted(
                        .accounts, source: name, externalID: id, at: ScoreRunStore.now())
                    {
                        counter.entry.deletes += 1
                    }
                    counter.entry.records += 1
                } else {
                    counter.count(try write(object, in: "events"))
                }
            }
            if let newest = events.first?["id"] as? String { newState.bookmark = newest }
            try states.save(newState, source: name, stream: "events")
        }
        state = newState
        context.progress("\(name) events: \(counter.entry.records) changes")
    }

    /// Writes a customer, subscription, invoice or charge into the canonical tables; a dispute rewrites the charge it
    /// is about, fetched as it now is.
    ///
    /// A record lacking a field its row needs stops the sync naming the stream. `raw` is the bytes the record came in,
    /// when it came in a list (an event's object is written back canonically).
    private func write(_ object: [String: Any], raw: ArraySlice<UInt8>? = nil, in stream: String) throws
        -> Upserter.Outcome
    {
        do {
            return try writeRecord(object, raw: raw)
        } catch let outOfRange as OutOfRange {
            context.leaveOut(object, stream: stream, because: outOfRange)
            return .skipped
        } catch let missing as MissingField {
            throw SyncError(what: "\(name) \(stream)", reason: missing.description)
        }
    }

    private func writeRecord(_ object: [String: Any], raw given: ArraySlice<UInt8>? = nil) throws -> Upserter.Outcome {
        if object["object"] as? String == "dispute", let id = object["id"] as? String {
            guard let charge = StripeMapping.disputedCharge(object) else {
                throw MissingField(record: "dispute \(id)", field: "charge")
            }
            return try writeRecord(try fetch("/v1/charges/\(charge)", what: "\(name) charge \(charge)"))
        }
        let paid = object["object"] as? String == "charge" ? try invoice(of: object) : nil
        guard let rows = try StripeRows.of(object, invoice: paid) else { return .unchanged }
        return try write(rows, raw: given ?? CanonicalJSON.bytes(object)[...])
    }

    /// Writes mapped rows, under their customer's account; says what the first row that changed anything did.
    func write(_ mapped: StripeRows, raw: ArraySlice<UInt8>) throws -> Upserter.Outcome {
        let writes = PageWrites(database: context.database)
        try write(mapped, raw: raw, record: 0, into: writes)
        return try writes.finish()[0] ?? .unchanged
    }

    /// Adds mapped rows to a page's writes as its record number `record`, under their customer's account.
    func write(_ mapped: StripeRows, raw: ArraySlice<UInt8>, record: Int, into writes: PageWrites) throws {
        switch mapped {
        case .customer(let id, let row):
            try writes.add(row, source: name, externalID: id, raw: raw, record: record)
        case .filed(let customer, let rows):
            let account = try accountRow(customer)
            for (externalID, row) in rows {
                var row = row
                row.accountID = account
                try writes.add(row, source: name, externalID: externalID, raw: raw, record: record)
            }
        }
    }

    /// Looks up in one query the account rows of the customers whose rows `mapped` files and this sync has not met.
    func lookUpAccounts(of mapped: [StripeRows]) throws {
        var customers: [String] = []
        for case .filed(let customer, _) in mapped { customers.append(customer) }
        try context.lookUpAccounts(source: name, externalIDs: customers)
    }

    /// The account row for a customer id.
    ///
    /// A customer the listing has not written (deleted before it was listed, or created after) is fetched by id; a
    /// deleted one, or one Stripe no longer knows (404), keeps a row marked deleted, so nothing is dropped.
    private func accountRow(_ customer: String) throws -> Int64 {
        try context.accountRow(customer, else: lookUpOrFetch)
    }

    private func lookUpOrFetch(_ customer: String) throws -> Int64 {
        let identity = IdentityStore(database: context.database)
        if let row = try identity.accountRow(source: name, externalID: customer) { return row }
        let object: [String: Any]
        do {
            object = try fetch("/v1/customers/\(customer)", what: "\(name) customer \(customer)")
        } catch let error as SyncError where error.reason.hasPrefix("HTTP 404") {
            object = ["id": customer, "object": "customer", "deleted": true]
        }
        if object["deleted"] as? Bool == true || object["id"] == nil {
            _ = try context.write(AccountRow(), source: name, externalID: customer, raw: CanonicalJSON.bytes(object))
            _ = try identity.markDeleted(.accounts, source: name, externalID: customer, at: ScoreRunStore.now())
        } else {
            _ = try writeRecord(object)
        }
        return try identity.accountRow(source: name, externalID: customer) ?? 0
    }

    func fetch(_ path: String, what: String) throws -> [String: Any] {
        try context.fetch(path, headers: headers, what: what, classify: Self.classify)
    }

    var headers: [(name: String, value: String)] {
        [("Authorization", "Bearer \(context.settings.token)"), ("Stripe-Version", Self.apiVersion)]
    }

    /// Stripe's statuses: 429 and 5xx are retried (honouring Retry-After and Stripe-Should-Retry); others fail with
    /// Stripe's own message.
    static func classify(_ response: HTTPResponse) -> ResponseVerdict {
        if (200..<300).contains(response.status) { return .accept }  // the body is parsed once, by the caller
        let error = response.jsonObject?["error"] as? [String: Any]
        let message = [error?["type"] as? String, error?["code"] as? String, error?["message"] as? String]
            .compactMap { $0 }.joined(separator: ": ")
        switch response.status {
        case 200..<300: return .accept
        case 429: return .retry(after: HTTPClient.retryAfter(response), reason: "HTTP 429 \(message)")
        case 500...:
            if response.headers["stripe-should-retry"] == "false" { return .fail("HTTP \(response.status) \(message)") }
            return .retry(after: HTTPClient.retryAfter(response), reason: "HTTP \(response.status) \(message)")
        default:
            return .fail("HTTP \(response.status) \(message.isEmpty ? "no error body" : message)")
        }
    }

}

/// The events cursor is older than Stripe keeps events.
struct CursorExpired: Error, CustomStringConvertible {
    let description: String
}
