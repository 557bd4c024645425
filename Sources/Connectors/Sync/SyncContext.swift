import Foundation
import Store

/// What a source needs while it syncs: the database, the HTTP client, the counters and a progress line.
public final class SyncContext {
    /// The database written to.
    public let database: Database
    /// The client requests go through.
    public let client: HTTPClient
    private var listingClients: [HTTPClient] = []
    private let options: HTTPOptions
    private let pacer: RequestPacer
    /// Retries made so far on every connection, for the sync log.
    var retries: Int { listingClients.reduce(client.retries) { $0 + $1.retries } }

    /// Another connection, for a listing's fetching thread; it shares the client's pacing.
    func listingClient() throws -> HTTPClient {
        let made = try HTTPClient(options: options, pacer: pacer)
        listingClients.append(made)
        return made
    }
    /// The source's settings.
    public let settings: SourceSettings
    /// Hears a short progress line now and then.
    public let progress: (String) -> Void
    /// Hears one line per record left out (a number out of range), to be shown whether or not on a terminal.
    public let warning: (String) -> Void
    /// When this sync started, in unix milliseconds; bookmarks never pass it.
    public let startedMilliseconds: Int64
    private var upserters: [CanonicalTable: Upserter] = [:]
    /// Account rows by the source's external id, once looked up or written in this sync: a listing of invoices asks for
    /// the same customers again and again.
    ///
    /// Rows never change id; a failed write ends the source's sync, and with it this context, so no row undone by a
    /// rollback is remembered past it.
    var accountRows: [String: Int64] = [:]

    /// After a source's accounts stream: when it was a listing (not an incremental pass), the planner samples the
    /// accounts it wrote, so the other streams' account lookups are not planned on an empty table (on PostgreSQL;
    /// nothing on SQLite).
    func accountsWritten(by entry: SyncLogEntry?) throws {
        guard let entry, entry.mode != "incremental" else { return }
        try database.refreshStatistics(of: [.accounts])
    }

    /// Looks up the account rows of the external ids of `source` that this sync has not met, a hundred per query (one
    /// query per record was a round trip each on PostgreSQL).
    func lookUpAccounts(source: String, externalIDs: some Sequence<String>) throws {
        let missing = Set(externalIDs.filter { accountRows[$0] == nil })
        guard !missing.isEmpty else { return }
        let found = try IdentityStore(database: database).accountRows(source: source, externalIDs: missing.sorted())
        accountRows.merge(found) { cached, _ in cached }
    }

    /// The account row of `externalID`: the one this sync has met, else `find`'s (a lookup, or a fetch by id),
    /// remembered.
    func accountRow(_ externalID: String, else find: (String) throws -> Int64) rethrows -> Int64 {
        if let row = accountRows[externalID] { return row }
        let row = try find(externalID)
        accountRows[externalID] = row
        return row
    }

    /// The prepared upsert for a table, made once per sync.
    func upserter(_ table: CanonicalTable) throws -> Upserter {
        if let cached = upserters[table] { return cached }
        let upserter = try Upserter(database: database, table: table)
        upserters[table] = upserter
        return upserter
    }

    /// Writes a typed row with its table's prepared upsert.
    func write<Row: CanonicalRow>(_ row: Row, source: String, externalID: String, raw: [UInt8]) throws
        -> Upserter.Outcome
    {
        try upserter(Row.table).write(row, source: source, externalID: externalID, raw: raw[...])
    }

    /// Writes a typed row whose raw JSON is its span of a list page.
    func write<Row: CanonicalRow>(_ row: Row, source: String, externalID: String, raw: ArraySlice<UInt8>) throws
        -> Upserter.Outcome
    {
        try upserter(Row.table).write(row, source: source, externalID: externalID, raw: raw)
    }

    /// Creates a context.
    public init(
        database: Database, settings: SourceSettings, options: HTTPOptions, progress: @escaping (String) -> Void,
        warning: @escaping (String) -> Void = { _ in }
    ) throws {
        self.warning = warning
        self.database = database
        self.settings = settings
        self.options = options
        self.pacer = RequestPacer(requestsPerSecond: settings.requestsPerSecond)
        self.client = try HTTPClient(options: options, pacer: pacer)
        self.progress = progress
        self.startedMilliseconds = Int64(Date().timeIntervalSince1970 * 1000)
    }

    /// Says that a record of `stream` is left out and why (`OutOfRange`), naming source, stream and the record's id.
    func leaveOut(_ object: [String: Any], stream: String, because reason: OutOfRange) {
        let id = object["id"] ?? object["Id"] ?? "without an id"
        warning("\(settings.name) \(stream) \(id): \(reason); the record is left out")
    }

    /// Sends a GET or POST with the source's auth, returning the parsed JSON object or failing with one clear line;
    /// every attempt waits for `endpointPacer` too, when the endpoint has a limit of its own.
    func fetch(
        _ path: String, method: String = "GET", body: [String: Any]? = nil, headers: [(name: String, value: String)],
        what: String, endpointPacer: RequestPacer? = nil,
        classify: (HTTPResponse) -> ResponseVerdict
    ) throws -> [String: Any] {
        try send(
            path, method: method, body: body, headers: headers, on: client, what: what,
            endpointPacer: endpointPacer, classify: classify
        ) { body in
            guard let object = try JSONReader.parse(body) as? [String: Any] else {
                throw JSONReader.Error(offset: 0, reason: "the body is not a JSON object")
            }
            return object
        }
    }

    /// Fetches a list page on `client` (the prefetching one, from a listing's second thread), keeping each record of
    /// the top-level array `listKey` with the bytes it came in, which become its `raw`.
    ///
    /// With `recordFields`, each record's object holds only those keys (`JSONReader.list`); its raw bytes are whole.
    func fetchList(
        _ path: String, listKey: String, recordFields: Set<String>? = nil, method: String = "GET",
        body: [String: Any]? = nil, headers: [(name: String, value: String)], on client: HTTPClient, what: String,
        classify: (HTTPResponse) -> ResponseVerdict
    ) throws -> ListPage {
        try send(path, method: method, body: body, headers: headers, on: client, what: what, classify: classify) {
            bytes in
            let (object, spans) = try JSONReader.list(bytes, listKey: listKey, recordFields: recordFields)
            let elements = object[listKey] as? [Any] ?? []
            var records: [ListPage.Record] = []
            records.reserveCapacity(spans.count)
            for (element, span) in zip(elements, spans) {
                if let record = element as? [String: Any] { records.append(.init(object: record, raw: bytes[span])) }
            }
            return ListPage(body: object, records: records)
        }
    }

    /// Sends until the classifier accepts and the body parses; a 2xx whose body is cut off or not JSON is a transport
    /// problem, retried with the parser's reason.
    ///
    /// The body is parsed once, and kept.
    private func send<Parsed>(
        _ path: String, method: String, body: [String: Any]?, headers: [(name: String, value: String)],
        on client: HTTPClient,
        what: String, endpointPacer: RequestPacer? = nil, classify: (HTTPResponse) -> ResponseVerdict,
        parse: ([UInt8]) throws -> Parsed
    ) throws -> Parsed {
        let url = try ServerURL.resolve(base: settings.baseURL, path: path)
        var request = HTTPRequest(method: method, url: url, headers: headers + [("Accept", "application/json")])
        if let body {
            request.body = CanonicalJSON.bytes(body)
            request.headers.append(("Content-Type", "application/json"))
        }
        var parsed: Parsed?
        _ = try client.send(request, what: what, endpointPacer: endpointPacer) { response in
            let verdict = classify(response)
            guard verdict == .accept else { return verdict }
            do {
                parsed = try parse(response.body)
            } catch {
                return .retry(
                    after: nil,
                    reason: "HTTP \(response.status) with a body that is not complete JSON "
                        + "(\(response.body.count) bytes; \(error))")
            }
            return verdict
        }
        guard let parsed else { throw SyncError(what: what, reason: "no response was accepted") }
        return parsed
    }

}
