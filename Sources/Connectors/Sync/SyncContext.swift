import Foundation
import Store

/// What a source needs while it syncs: the database, the HTTP client, the counters and a progress line.
public final class SyncContext {
    /// The database written to.
    public let database: Database
    /// The client requests go through.
    public let client: HTTPClient
    /// The source's settings.
    public let settings: SourceSettings
    /// Hears a short progress line now and then.
    public let progress: (String) -> Void
    /// When this sync started, in unix milliseconds; bookmarks never pass it.
    public let startedMilliseconds: Int64
    private var upserters: [CanonicalTable: Upserter] = [:]

    /// The prepared upsert for a table, made once per sync.
    func upserter(_ table: CanonicalTable) throws -> Upserter {
        if let cached = upserters[table] { return cached }
        let upserter = try Upserter(database: database, table: table)
        upserters[table] = upserter
        return upserter
    }

    /// Creates a context.
    public init(database: Database, settings: SourceSettings, options: HTTPOptions, progress: @escaping (String) -> Void) throws {
        self.database = database
        self.settings = settings
        self.client = try HTTPClient(options: options, requestsPerSecond: settings.requestsPerSecond)
        self.progress = progress
        self.startedMilliseconds = Int64(Date().timeIntervalSince1970 * 1000)
    }

    /// Sends a GET or POST with the source's auth, returning the parsed JSON object or failing with one clear line.
    func fetch(_ path: String, method: String = "GET", body: [String: Any]? = nil, headers: [(name: String, value: String)],
               what: String, classify: (HTTPResponse) -> ResponseVerdict) throws -> [String: Any] {
        var request = HTTPRequest(method: method, url: settings.baseURL + path, headers: headers + [("Accept", "application/json")])
        if let body {
            request.body = [UInt8]((try? JSONSerialization.data(withJSONObject: body)) ?? Data())
            request.headers.append(("Content-Type", "application/json"))
        }
        var parsed: [String: Any]?
        _ = try client.send(request, what: what) { response in
            let verdict = classify(response)
            guard verdict == .accept else { return verdict }
            // A 2xx whose body is cut off or not JSON is a transport problem: try again. Parsed once, and kept.
            parsed = response.jsonObject
            if parsed == nil {
                return .retry(after: nil, reason: "HTTP \(response.status) with a body that is not complete JSON (\(response.body.count) bytes)")
            }
            return verdict
        }
        return parsed ?? [:]
    }

}
