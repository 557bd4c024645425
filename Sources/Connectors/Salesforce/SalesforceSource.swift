import Foundation
import Store

/// Salesforce REST: Account, Contact, Opportunity and Case through SOQL, incremental on `SystemModstamp`, deletes
/// through `queryAll`.
///
/// Each pass asks `WHERE SystemModstamp >= :bookmark AND SystemModstamp <= :syncStart ORDER BY SystemModstamp, Id`
/// and follows `nextRecordsUrl` until `done: true`. Every page is written in one transaction with the compound
/// (SystemModstamp, Id) of its last record, so a resumed pass (or one restarted after its query locator expired)
/// asks again from that timestamp and skips what it already wrote (records sharing the last timestamp are written
/// again, idempotently). The bookmark becomes the sync's start (its whole second), never later.
/// A second pass over `queryAll` with `IsDeleted = true` marks deleted accounts (kept, not dropped) and removes
/// deleted contacts, opportunities and cases (SalesforceRecords).
public struct SalesforceSource {
    /// The REST API version requests are pinned to.
    public static let apiVersion = "v60.0"
    static let restartsAllowed = 3
    let context: SyncContext
    let session: SalesforceSession
    var name: String { context.settings.name }

    /// Creates the source on a context.
    public init(context: SyncContext) {
        self.context = context
        self.session = SalesforceSession(context: context)
    }

    /// Syncs each object in turn, accounts first (everything on the first or a `--full` sync, else what changed), then
    /// its deleted records.
    public func sync(full: Bool) throws -> [SyncLogEntry] {
        if full { try SyncStateStore(database: context.database).reset(source: name) }
        var entries: [SyncLogEntry] = []
        for object in SalesforceObject.allCases {
            entries.append(
                try pass(object, stream: object.stream, endpoint: "query", condition: nil) { record, slot, counter in
                    guard let outcome = try write(record, object, into: slot) else { return true }
                    counter.count(outcome)
                    return false
                })
            if object == .account { try context.accountsWritten(by: entries.last) }
            entries.append(
                try pass(
                    object, stream: object.stream + "_deleted", endpoint: "queryAll", condition: "IsDeleted = true"
                ) {
                    record, _, counter in
                    try markDeleted(record, object, counter: &counter)
                    return false
                })
        }
        return entries
    }

    /// One pass of a stream: the query from the bookmark (or the resumed cursor) to the sync's start, page by page.
    ///
    /// `apply` takes each record with its place in the page's writes; true when its outcome is the writes' to say.
    private func pass(
        _ object: SalesforceObject, stream: String, endpoint: String, condition: String?,
        apply: ([String: Any], PageSlot, inout StreamCounter) throws -> Bool
    ) throws -> SyncLogEntry {
        let states = SyncStateStore(database: context.database)
        var state = try states.state(source: name, stream: stream)
        let mode = state.bookmark == nil ? (state.cursor == nil ? "full" : "full (resumed)") : "incremental"
        var counter = StreamCounter(source: name, stream: stream, mode: mode)
        let started = Date()
        let retriesBefore = context.client.retries
        // SOQL literals have whole seconds: ask up to the second after the start (so a change made in the start's
        // second is not left for the next sync), but bookmark the second of the start, so the bookmark never passes it.
        let upper = (context.startedMilliseconds + 999) / 1_000
        let bookmark = context.startedMilliseconds / 1_000
        var last = Self.parseCompound(state.cursor)
        let transactions = PageTransactions(database: context.database)
        let writes = PageWrites(database: context.database)
        defer { try? transactions.commit() }  // the pages written before a failure are kept
        var restarts = 0
        restart: while true {
            let lower = last.map { $0.milliseconds / 1_000 } ?? Int64(state.bookmark ?? "0") ?? 0
            var path = Self.queryPath(
                endpoint: endpoint, soql: Self.soql(object, condition: condition, from: lower, to: upper))
            var locators = Set<String>()
            while true {
                let what = "\(name) \(stream) page \(counter.entry.pages + 1)"
                let page: [String: Any]
                do {
                    page = try session.fetch(path, what: what)
                } catch let error as SyncError
                    where error.reason.contains("INVALID_QUERY_LOCATOR") && restarts < Self.restartsAllowed
                {
                    // The locator expired (or too many are open): ask again from the last record written.
                    restarts += 1
                    context.progress("\(name) \(stream): query locator expired, asking again from the last record")
                    continue restart
                }
                guard let records = page["records"] as? [[String: Any]], let done = page["done"] as? Bool else {
                    throw SyncError(what: what, reason: "no `records` and `done` in the response")
                }
                let next = page["nextRecordsUrl"] as? String
                if !done && next == nil {
                    throw SyncError(what: what, reason: "`done` is false but there is no nextRecordsUrl")
                }
                if let next, !locators.insert(next).inserted {
                    throw SyncError(
                        what: "\(name) \(stream)",
                        reason: "nextRecordsUrl \(next) repeated; stopping instead of looping")
                }
                try transactions.page {
                    if object != .account && condition == nil { try lookUpAccounts(of: records) }
                    var pending: [Int] = []
                    for (number, record) in records.enumerated() {
                        let key = Self.compoundKey(record)
                        // Skip what the cursor proves was written: older timestamps, and the last record itself.
                        // Other records sharing its timestamp are written again (idempotently), since Salesforce's
                        // collation of Ids need not be Swift's.
                        if let last, let key,
                            key.milliseconds < last.milliseconds
                                || (key.milliseconds == last.milliseconds && key.id == last.id)
                        {
                            continue
                        }
                        if try apply(record, (writes, number), &counter) { pending.append(number) }
                        if let key { last = key }
                    }
                    let outcomes = try writes.finish()
                    for number in pending { counter.count(outcomes[number] ?? .unchanged) }
                    state.cursor = done ? nil : last.map { "\($0.milliseconds):\($0.id)" }
                    if done { state.bookmark = String(bookmark) }
                    try states.save(state, source: name, stream: stream)
                }
                counter.entry.pages += 1
                context.progress("\(name) \(stream): \(counter.entry.records) records")
                guard !done, let next else { break restart }
                path = next
            }
        }
        try transactions.commit()
        counter.entry.durationMilliseconds = Int(Date().timeIntervalSince(started) * 1000)
        counter.entry.retries = context.client.retries - retriesBefore + restarts
        return counter.entry
    }

    /// `SELECT … FROM Object WHERE [condition AND] SystemModstamp >= lower AND SystemModstamp <= upper ORDER BY …`.
    static func soql(_ object: SalesforceObject, condition: String?, from lower: Int64, to upper: Int64) -> String {
        let window =
            "SystemModstamp >= \(SalesforceTime.literal(seconds: lower)) "
            + "AND SystemModstamp <= \(SalesforceTime.literal(seconds: upper))"
        let filter = condition.map { "\($0) AND \(window)" } ?? window
        return
            "SELECT \(object.fields.joined(separator: ", ")) FROM \(object.rawValue) WHERE \(filter) ORDER BY "
            + "SystemModstamp, Id"
    }

    static func queryPath(endpoint: String, soql: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return "/services/data/\(apiVersion)/\(endpoint)?q="
            + (soql.addingPercentEncoding(withAllowedCharacters: allowed) ?? soql)
    }

    static func compoundKey(_ record: [String: Any]) -> (milliseconds: Int64, id: String)? {
        guard let id = record["Id"] as? String,
            let stamp = (record["SystemModstamp"] as? String).flatMap(SalesforceTime.milliseconds)
        else { return nil }
        return (stamp, id)
    }

    static func parseCompound(_ text: String?) -> (milliseconds: Int64, id: String)? {
        guard let parts = text?.split(separator: ":", maxSplits: 1), parts.count == 2, let stamp = Int64(parts[0])
        else { return nil }
        return (stamp, String(parts[1]))
    }
}
