import Foundation
import Store

/// Chargebee v2: customers, subscriptions, then invoices, listed with `limit` + `offset` (`next_offset`, absent on the
/// last page).
///
/// Every pass asks `sort_by[asc]=updated_at&include_deleted=true`, and from the second sync on
/// `updated_at[after]=bookmark - 1` (Chargebee's `after` is strict, so this is `>=` the bookmark). Each page is written
/// in one transaction with the pass's lower bound and the `next_offset` it came with, so a killed sync resumes the
/// same pass; the bookmark becomes the sync's start, never later. `"deleted": true` marks a customer deleted (kept,
/// not dropped), an invoice `deleted`, and removes a subscription's MRR changes. A subscription becomes MRR changes as
/// Stripe's do: its monthly amount from its start, 0 from its cancellation. Requests use HTTP Basic with the key as
/// user name and no password.
public struct ChargebeeSource {
    let context: SyncContext
    var name: String { context.settings.name }

    /// Creates the source on a context.
    public init(context: SyncContext) { self.context = context }

    /// Syncs customers, subscriptions then invoices (everything on the first or a `--full` sync, else what changed).
    public func sync(full: Bool) throws -> [SyncLogEntry] {
        if full { try SyncStateStore(database: context.database).reset(source: name) }
        let customers = try pass("customers", wrapper: "customer")
        try context.accountsWritten(by: customers)
        let subscriptions = try pass("subscriptions", wrapper: "subscription")
        return [customers, subscriptions, try pass("invoices", wrapper: "invoice")]
    }

    var headers: [(name: String, value: String)] {
        [("Authorization", "Basic " + Data((context.settings.token + ":").utf8).base64EncodedString())]
    }

    private func pass(_ stream: String, wrapper: String) throws -> SyncLogEntry {
        let states = SyncStateStore(database: context.database)
        var state = try states.state(source: name, stream: stream)
        let mode = state.bookmark == nil ? (state.cursor == nil ? "full" : "full (resumed)") : "incremental"
        var counter = StreamCounter(source: name, stream: stream, mode: mode)
        let started = Date()
        let retriesBefore = context.client.retries
        let resumed = Self.parseCursor(state.cursor)
        let lower = resumed?.lower ?? Int64(state.bookmark ?? "0") ?? 0
        var offset = resumed?.offset
        let transactions = PageTransactions(database: context.database)
        let writes = PageWrites(database: context.database)
        defer { try? transactions.commit() }  // the pages written before a failure are kept
        var offsets = Set<String>()
        while true {
            let what = "\(name) \(stream) page \(counter.entry.pages + 1)"
            let page = try context.fetch(
                Self.listPath(stream, limit: context.settings.pageSize, after: lower, offset: offset), headers: headers,
                what: what, classify: ChargebeeErrors.classify)
            guard let list = page["list"] as? [[String: Any]] else {
                throw SyncError(what: what, reason: "no `list` in the response")
            }
            let next = page["next_offset"] as? String
            if let next, !offsets.insert(next).inserted {
                throw SyncError(
                    what: "\(name) \(stream)", reason: "next_offset \(next) repeated; stopping instead of looping")
            }
            try transactions.page {
                let objects = list.compactMap { $0[wrapper] as? [String: Any] }
                if wrapper == "invoice" { try lookUpAccounts(of: objects) }
                var invoices: [(record: Int, deleted: Bool)] = []
                for (number, object) in objects.enumerated() {
                    do {
                        switch wrapper {
                        case "customer": try writeCustomer(object, counter: &counter)
                        case "subscription": try writeSubscription(object, counter: &counter)
                        default:
                            if try addInvoice(object, number: number, into: writes) {
                                invoices.append((number, object["deleted"] as? Bool == true))
                            }
                        }
                    } catch let outOfRange as OutOfRange {
                        context.leaveOut(object, stream: stream, because: outOfRange)
                        counter.count(.skipped)
                    } catch let missing as MissingField {
                        throw SyncError(what: "\(name) \(stream)", reason: missing.description)
                    }
                }
                let outcomes = try writes.finish()
                for (number, deleted) in invoices {
                    let outcome = outcomes[number] ?? .unchanged
                    if deleted && outcome == .updated {
                        counter.entry.records += 1
                        counter.entry.deletes += 1
                    } else {
                        counter.count(outcome)
                    }
                }
                state.cursor = next.map { "\(lower) \($0)" }
                if next == nil { state.bookmark = String(context.startedMilliseconds / 1_000) }
                try states.save(state, source: name, stream: stream)
            }
            counter.entry.pages += 1
            context.progress("\(name) \(stream): \(counter.entry.records) records")
            guard let next else { break }
            offset = next
        }
        try transactions.commit()
        counter.entry.durationMilliseconds = Int(Date().timeIntervalSince(started) * 1000)
        counter.entry.retries = context.client.retries - retriesBefore
        return counter.entry
    }

    /// `/api/v2/customers?limit=100&include_deleted=true&sort_by%5Basc%5D=updated_at[&updated_at%5Bafter%5D=…][&offset=…]`.
    static func listPath(_ stream: String, limit: Int, after lower: Int64, offset: String?) -> String {
        var path = "/api/v2/\(stream)?limit=\(limit)&include_deleted=true&sort_by%5Basc%5D=updated_at"
        if lower > 0 { path += "&updated_at%5Bafter%5D=\(lower - 1)" }
        if let offset { path += "&offset=" + ServerURL.queryValue(offset) }
        return path
    }

    static func parseCursor(_ text: String?) -> (lower: Int64, offset: String)? {
        guard let parts = text?.split(separator: " ", maxSplits: 1), parts.count == 2, let lower = Int64(parts[0])
        else { return nil }
        return (lower, String(parts[1]))
    }

    private func writeCustomer(_ customer: [String: Any], counter: inout StreamCounter) throws {
        guard let id = customer["id"] as? String else { return }
        let outcome = try context.write(
            ChargebeeMapping.account(customer, linkField: context.settings.linkField), source: name, externalID: id,
            raw: CanonicalJSON.bytes(customer))
        counter.count(outcome)
        if customer["deleted"] as? Bool == true,
            try IdentityStore(database: context.database).markDeleted(
                .accounts, source: name, externalID: id, at: ScoreRunStore.now())
        {
            counter.entry.deletes += 1
        }
    }

    /// Adds an invoice to the page's writes as its record `number`.
    ///
    /// False for one without an id or a customer, which is passed over uncounted. A deleted invoice's row is kept,
    /// marked `deleted`.
    private func addInvoice(_ invoice: [String: Any], number: Int, into writes: PageWrites) throws -> Bool {
        guard let id = invoice["id"] as? String, let customer = invoice["customer_id"] as? String else { return false }
        try writes.add(
            ChargebeeMapping.invoice(invoice, account: try accountRow(customer)), source: name, externalID: id,
            raw: CanonicalJSON.bytes(invoice)[...], record: number)
        return true
    }

    /// Finds the accounts of a page's invoices in one query per hundred customers (one per invoice took a PostgreSQL
    /// sync of 113k invoices 19.8 s), into the sync's cache of account rows.
    private func lookUpAccounts(of invoices: [[String: Any]]) throws {
        try context.lookUpAccounts(source: name, externalIDs: invoices.compactMap { $0["customer_id"] as? String })
    }

    /// Writes a subscription's MRR changes; drops its end row when it runs again (reactivated) and both rows when
    /// Chargebee says it was deleted.
    private func writeSubscription(_ subscription: [String: Any], counter: inout StreamCounter) throws {
        let record = "subscription \(subscription["id"] as? String ?? "without an id")"
        guard let id = subscription["id"] as? String else { throw MissingField(record: record, field: "id") }
        guard let customer = subscription["customer_id"] as? String else {
            throw MissingField(record: record, field: "customer_id")
        }
        let identity = IdentityStore(database: context.database)
        if subscription["deleted"] as? Bool == true {
            let removedStart = try identity.remove(.mrrChanges, source: name, externalID: id + ":start")
            let removedEnd = try identity.remove(.mrrChanges, source: name, externalID: id + ":end")
            counter.entry.records += 1
            if removedStart || removedEnd { counter.entry.deletes += 1 }
            return
        }
        let rows = try ChargebeeMapping.mrrChanges(subscription, account: try accountRow(customer))
        let raw = CanonicalJSON.bytes(subscription)
        var outcome = try context.write(rows.start, source: name, externalID: id + ":start", raw: raw)
        if let end = rows.end {
            let written = try context.write(end, source: name, externalID: id + ":end", raw: raw)
            if outcome == .unchanged { outcome = written }
        } else if try identity.remove(.mrrChanges, source: name, externalID: id + ":end"), outcome == .unchanged {
            outcome = .updated
        }
        counter.count(outcome)
    }

    /// The account row for a customer id; one the customers pass did not write (created since) is fetched by id, and
    /// one Chargebee no longer knows keeps an empty row marked deleted, so no invoice or subscription is dropped.
    private func accountRow(_ customer: String) throws -> Int64 {
        try context.accountRow(customer, else: lookUpOrFetch)
    }

    private func lookUpOrFetch(_ customer: String) throws -> Int64 {
        let identity = IdentityStore(database: context.database)
        if let row = try identity.accountRow(source: name, externalID: customer) { return row }
        var ignored = StreamCounter(source: name, stream: "customers", mode: "by id")
        do {
            let page = try context.fetch(
                "/api/v2/customers/\(customer)", headers: headers, what: "\(name) customer \(customer)",
                classify: ChargebeeErrors.classify)
            if let object = page["customer"] as? [String: Any] { try writeCustomer(object, counter: &ignored) }
        } catch let error as SyncError where error.reason.contains("resource_not_found") {
            _ = try context.write(AccountRow(), source: name, externalID: customer, raw: Array("{}".utf8))
            _ = try identity.markDeleted(.accounts, source: name, externalID: customer, at: ScoreRunStore.now())
        }
        guard let row = try identity.accountRow(source: name, externalID: customer) else {
            throw SyncError(what: "\(name) customer \(customer)", reason: "the customer could not be written")
        }
        return row
    }
}
