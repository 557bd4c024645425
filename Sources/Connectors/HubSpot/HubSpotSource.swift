import Foundation
import Store

/// HubSpot CRM v3 companies, contacts, deals and tickets: the list endpoint for the first sync, search on the
/// last-modified property (`hs_lastmodifieddate`, contacts' `lastmodifieddate`) after that, and the archived list for
/// deletes (search never returns archived records).
///
/// Contacts are filed under their `associatedcompanyid`, with their last activity (`notes_last_updated`) for the
/// freshness check of `scorebook act`; deals and tickets under their associated company (HubSpotAssociations).
///
/// The incremental search asks for `hs_lastmodifieddate` >= bookmark and <= the sync's start, sorted ascending. The
/// cursor inside a pass is the compound (timestamp, id) of the last record written, so a resumed pass skips what it
/// already wrote. Search cannot page past 10,000 results: before that cap, the pass restarts from the last timestamp.
/// Search is eventually consistent, so bookmarks lag the sync's start by `search_lag_ms` (default 5 s).
/// A DAILY 429 stops the sync (retrying only burns requests until midnight); TEN_SECONDLY 429s are retried.
/// Searches are paced on their own limit (HubSpotSearchPacer) as well as the general one, retries included.
public struct HubSpotSource {
    static let searchCap = 10_000
    let context: SyncContext
    var name: String { context.settings.name }

    /// Creates the source on a context.
    public init(context: SyncContext) { self.context = context }

    /// Syncs companies, contacts, deals and tickets in turn: a full list when asked or never synced, else a search for
    /// changes; then the archived ones.
    public func sync(full: Bool) throws -> [SyncLogEntry] {
        let states = SyncStateStore(database: context.database)
        if full { try states.reset(source: name) }
        var entries: [SyncLogEntry] = []
        for object in HubSpotObject.allCases {
            let state = try states.state(source: name, stream: object.rawValue)
            entries.append(state.bookmark == nil ? try listAll(object) : try searchChanges(object, since: state))
            if object == .companies { try context.accountsWritten(by: entries.last) }
            entries.append(try syncArchived(object))
        }
        return entries
    }

    var headers: [(name: String, value: String)] { [("Authorization", "Bearer \(context.settings.token)")] }

    private func listAll(_ object: HubSpotObject) throws -> SyncLogEntry {
        let stream = object.rawValue
        let states = SyncStateStore(database: context.database)
        var state = try states.state(source: name, stream: stream)
        var counter = StreamCounter(source: name, stream: stream, mode: state.cursor == nil ? "full" : "full (resumed)")
        let started = Date()
        let retriesBefore = context.client.retries
        // The bookmark the next incremental starts from: this sync's start (never later), minus the search lag.
        let bookmark = String(context.startedMilliseconds - context.settings.searchLagMilliseconds)
        let transactions = PageTransactions(database: context.database)
        let writes = PageWrites(database: context.database)
        defer { try? transactions.commit() }  // the pages written before a failure are kept
        var seen = Set<String>()
        while true {
            let after = state.cursor.map { "&after=" + ServerURL.queryValue($0) } ?? ""
            let associations = object.isAssociatedWithCompanies ? "&associations=companies" : ""
            let what = "\(name) \(stream) page \(counter.entry.pages + 1)"
            let page = try context.fetch(
                "/crm/v3/objects/\(stream)?limit=\(context.settings.pageSize)&archived=false&properties=\(object.properties.joined(separator: ","))\(associations)\(after)",
                headers: headers, what: what, classify: Self.classify)
            let results = page["results"] as? [[String: Any]] ?? []
            let companies = try companyIDs(of: results, object, listed: true, what: what)
            let next = ((page["paging"] as? [String: Any])?["next"] as? [String: Any])?["after"] as? String
            if let next, !seen.insert(next).inserted {
                throw SyncError(
                    what: "\(name) \(stream)", reason: "the paging cursor repeated; stopping instead of looping")
            }
            try transactions.page {
                try lookUpCompanies(of: results, object, companies: companies)
                let decided = try results.enumerated().map { number, record in
                    try write(record, object, companies: companies, number: number, into: writes)
                }
                let outcomes = try writes.finish()
                for (number, outcome) in decided.enumerated() {
                    counter.count(outcome ?? outcomes[number] ?? .unchanged)
                }
                state.cursor = next
                if next == nil { state.bookmark = bookmark }
                try states.save(state, source: name, stream: stream)
            }
            counter.entry.pages += 1
            context.progress("\(name) \(stream): \(counter.entry.records) records")
            if next == nil { break }
        }
        try transactions.commit()
        counter.entry.durationMilliseconds = Int(Date().timeIntervalSince(started) * 1000)
        counter.entry.retries = context.client.retries - retriesBefore
        return counter.entry
    }

    private func searchChanges(_ object: HubSpotObject, since initial: StreamState) throws -> SyncLogEntry {
        let stream = object.rawValue
        let states = SyncStateStore(database: context.database)
        var state = initial
        var counter = StreamCounter(source: name, stream: stream, mode: "incremental")
        let started = Date()
        let retriesBefore = context.client.retries
        let upper = context.startedMilliseconds - context.settings.searchLagMilliseconds
        // Resume inside a pass from the compound (timestamp, id) cursor, else from the bookmark.
        var last = Self.parseCompound(state.cursor)
        var lower = last?.timestamp ?? Int64(state.bookmark ?? "0") ?? 0
        let transactions = PageTransactions(database: context.database)
        let writes = PageWrites(database: context.database)
        defer { try? transactions.commit() }  // the pages written before a failure are kept
        var offset = 0
        while lower <= upper {
            if offset + context.settings.pageSize > Self.searchCap {
                // Restart below the cap from the last timestamp; the compound cursor skips what was written.
                guard let last, last.timestamp > lower || offset > 0 else {
                    throw SyncError(
                        what: "\(name) \(stream)",
                        reason: "more than \(Self.searchCap) \(stream) share one modification time")
                }
                lower = last.timestamp
                offset = 0
            }
            let body: [String: Any] = [
                "filterGroups": [
                    [
                        "filters": [
                            ["propertyName": object.lastModified, "operator": "GTE", "value": String(lower)],
                            ["propertyName": object.lastModified, "operator": "LTE", "value": String(upper)],
                        ]
                    ]
                ],
                "sorts": [["propertyName": object.lastModified, "direction": "ASCENDING"]],
                "properties": object.properties, "limit": context.settings.pageSize, "after": String(offset),
            ]
            let what = "\(name) \(stream) search page \(counter.entry.pages + 1)"
            // Every attempt waits for search's own pace, a retry after a 429 as much as the first.
            let searchPacer = HubSpotSearchPacer.pacer(
                token: context.settings.token, requestsPerSecond: context.settings.searchRequestsPerSecond)
            let page = try context.fetch(
                "/crm/v3/objects/\(stream)/search", method: "POST", body: body, headers: headers, what: what,
                endpointPacer: searchPacer, classify: Self.classify)
            let results = page["results"] as? [[String: Any]] ?? []
            let companies = try companyIDs(of: results, object, listed: false, what: what + " associations")
            let hasNext = (page["paging"] as? [String: Any])?["next"] != nil
            try transactions.page {
                try lookUpCompanies(of: results, object, companies: companies)
                var decided: [(number: Int, outcome: Upserter.Outcome?)] = []
                for (number, record) in results.enumerated() {
                    let key = Self.compoundKey(record, object)
                    if let last, let key, (key.timestamp, key.id) <= (last.timestamp, last.id) { continue }
                    let outcome = try write(record, object, companies: companies, number: number, into: writes)
                    decided.append((number, outcome))
                    if let key { last = key }
                }
                let outcomes = try writes.finish()
                for (number, outcome) in decided { counter.count(outcome ?? outcomes[number] ?? .unchanged) }
                state.cursor = hasNext ? last.map { "\($0.timestamp):\($0.id)" } : nil
                if !hasNext { state.bookmark = String(upper) }
                try states.save(state, source: name, stream: stream)
            }
            counter.entry.pages += 1
            if !hasNext { break }
            offset += results.count
        }
        try transactions.commit()
        counter.entry.durationMilliseconds = Int(Date().timeIntervalSince(started) * 1000)
        counter.entry.retries = context.client.retries - retriesBefore
        return counter.entry
    }

    /// Archived companies are marked deleted (kept, not dropped); archived contacts, deals and tickets are removed.
    private func syncArchived(_ object: HubSpotObject) throws -> SyncLogEntry {
        let stream = object.rawValue
        var counter = StreamCounter(source: name, stream: "\(stream)_archived", mode: "full")
        let started = Date()
        let retriesBefore = context.client.retries
        var after: String?
        repeat {
            let page = try context.fetch(
                "/crm/v3/objects/\(stream)?limit=\(context.settings.pageSize)&archived=true"
                    + (after.map { "&after=" + ServerURL.queryValue($0) } ?? ""),
                headers: headers, what: "\(name) archived \(stream) page \(counter.entry.pages + 1)",
                classify: Self.classify)
            let results = page["results"] as? [[String: Any]] ?? []
            try context.database.transaction {
                for record in results {
                    guard let id = record["id"] as? String else { continue }
                    counter.entry.records += 1
                    let identity = IdentityStore(database: context.database)
                    let deleted =
                        object == .companies
                        ? try identity.markDeleted(.accounts, source: name, externalID: id, at: ScoreRunStore.now())
                        : try identity.remove(object.table, source: name, externalID: id)
                    if deleted { counter.entry.deletes += 1 }
                }
            }
            counter.entry.pages += 1
            after = ((page["paging"] as? [String: Any])?["next"] as? [String: Any])?["after"] as? String
        } while after != nil
        counter.entry.durationMilliseconds = Int(Date().timeIntervalSince(started) * 1000)
        counter.entry.retries = context.client.retries - retriesBefore
        return counter.entry
    }

    static func compoundKey(_ record: [String: Any], _ object: HubSpotObject = .companies) -> (
        timestamp: Int64, id: Int64
    )? {
        guard let id = (record["id"] as? String).flatMap({ Int64($0) }),
            let modified = (record["properties"] as? [String: Any])?[object.lastModified] as? String,
            let date = isoFormatter.date(from: modified)
        else { return nil }
        return (Int64((date.timeIntervalSince1970 * 1000).rounded()), id)
    }

    static func parseCompound(_ text: String?) -> (timestamp: Int64, id: Int64)? {
        guard let parts = text?.split(separator: ":"), parts.count == 2, let timestamp = Int64(parts[0]),
            let id = Int64(parts[1])
        else {
            return nil
        }
        return (timestamp, id)
    }

    nonisolated(unsafe) static let isoFormatter: ISO8601DateFormatter = {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter
    }()

    /// HubSpot's statuses: TEN_SECONDLY 429 and 5xx retried, DAILY 429 stops, others fail with HubSpot's message.
    static func classify(_ response: HTTPResponse) -> ResponseVerdict {
        if (200..<300).contains(response.status) { return .accept }  // the body is parsed once, by the caller
        let body = response.jsonObject
        let message = [body?["category"] as? String, body?["message"] as? String].compactMap { $0 }.joined(
            separator: ": ")
        switch response.status {
        case 200..<300: return .accept
        case 429:
            if body?["policyName"] as? String == "DAILY" {
                return .fail(
                    "HTTP 429 daily limit reached; the sync stops until the limit resets (midnight in the "
                        + "account's time zone)"
                )
            }
            let interval = response.headers["x-hubspot-ratelimit-interval-milliseconds"].flatMap(Double.init).map {
                $0 / 1000
            }
            return .retry(after: HTTPClient.retryAfter(response) ?? interval, reason: "HTTP 429 \(message)")
        case 500...:
            return .retry(
                after: HTTPClient.retryAfter(response),
                reason: "HTTP \(response.status) \(message.isEmpty ? "server error" : message)")
        default: return .fail("HTTP \(response.status) \(message.isEmpty ? "no error body" : message)")
        }
    }
}
