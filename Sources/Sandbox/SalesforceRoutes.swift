import FlyingFox
import Foundation

/// Salesforce REST as the Sandbox serves it: Bearer auth, SOQL `query` and `queryAll` on Account, Contact,
/// Opportunity and Case, `nextRecordsUrl`
/// locators that expire and are capped at 10 open, `Sforce-Limit-Info` on every response, error arrays.
struct SalesforceRoutes {
    let data: SandboxData
    let sessions: SalesforceSessions
    let locators: SalesforceLocators

    /// The reply for a request under /services/data.
    func reply(to request: HTTPRequest) -> Reply {
        let usage = locators.countRequest()
        let headers = ["Sforce-Limit-Info": "api-usage=\(usage)/\(SalesforceLocators.dailyLimit)"]
        let authorization = request.header("Authorization")
        guard let authorization, sessions.isValid(authorization) else {
            return SalesforceJSON.error(401, "INVALID_SESSION_ID", "Session expired or invalid", headers: headers)
        }
        let parts = request.path.split(separator: "/").map(String.init)
        // services, data, vNN.0, query|queryAll[, locator-offset]
        guard parts.count >= 4, parts[0] == "services", parts[1] == "data", parts[2].hasPrefix("v"),
            parts[2].hasSuffix(".0"),
            parts[3] == "query" || parts[3] == "queryAll"
        else {
            return SalesforceJSON.error(404, "NOT_FOUND", "The requested resource does not exist", headers: headers)
        }
        let all = parts[3] == "queryAll"
        if parts.count == 5 { return nextPage(parts[4], version: parts[2], all: all, headers: headers) }
        guard let text = request.parameter("q") else {
            return SalesforceJSON.error(400, "MALFORMED_QUERY", "A query string has to be specified", headers: headers)
        }
        let query: SalesforceQuery
        do {
            query = try SalesforceQuery.parse(text)
        } catch let failure as SalesforceQuery.Failure {
            return SalesforceJSON.error(400, failure.code, failure.message, headers: headers)
        } catch {
            return SalesforceJSON.error(400, "MALFORMED_QUERY", "\(error)", headers: headers)
        }
        let batch = Self.batchSize(request.header("Sforce-Query-Options"))
        return data.locked { data in
            let rows = data.salesforceRows(query.object)
            var positions = rows.indices.filter { !rows[$0].isPurged && query.matches(rows[$0], includeDeleted: all) }
            if query.ordered {
                positions.sort {
                    let (a, b) = (rows[$0], rows[$1])
                    return (a.modstampMilliseconds, a.id) < (b.modstampMilliseconds, b.id)
                }
            }
            if let limit = query.limit { positions = Array(positions.prefix(limit)) }
            let locator = locators.open(
                SalesforceLocators.Locator(
                    object: query.object, positions: positions, fields: query.fields, batch: batch))
            return page(data, locator: locator, offset: 0, version: parts[2], all: all, headers: headers)
        }
    }

    private func nextPage(_ component: String, version: String, all: Bool, headers: [String: String]) -> Reply {
        guard let dash = component.lastIndex(of: "-"), let offset = Int(component[component.index(after: dash)...])
        else {
            return SalesforceJSON.error(400, "INVALID_QUERY_LOCATOR", "invalid query locator", headers: headers)
        }
        let id = String(component[..<dash])
        return data.locked { data in
            guard let locator = locators.locator(id) else {
                return SalesforceJSON.error(400, "INVALID_QUERY_LOCATOR", "invalid query locator", headers: headers)
            }
            return page(data, locator: locator, offset: offset, version: version, all: all, headers: headers)
        }
    }

    /// One batch from a locator; every third batch is a quarter short, as Salesforce's batches often are.
    private func page(
        _ data: SandboxData, locator: (id: String, value: SalesforceLocators.Locator), offset: Int, version: String,
        all: Bool,
        headers: [String: String]
    ) -> Reply {
        let positions = locator.value.positions
        let batch = locator.value.batch
        let rows = data.salesforceRows(locator.value.object)
        let size = (offset / max(1, batch)) % 3 == 1 ? max(1, batch - batch / 4) : batch
        let end = min(positions.count, offset + size)
        let records =
            offset < end
            ? positions[offset..<end].map {
                SalesforceJSON.record(
                    rows[$0], type: locator.value.object, fields: locator.value.fields, version: version)
            } : []
        var body: [String: Any] = ["totalSize": positions.count, "done": end >= positions.count, "records": records]
        if end < positions.count {
            body["nextRecordsUrl"] = "/services/data/\(version)/\(all ? "queryAll" : "query")/\(locator.id)-\(end)"
        }
        return .json(200, body, headers: headers)
    }

    /// `Sforce-Query-Options: batchSize=N`, 2000 at most (the Sandbox also honours sizes below Salesforce's 200).
    static func batchSize(_ header: String?) -> Int {
        guard let header, let range = header.range(of: "batchSize=") else { return 2_000 }
        let digits = header[range.upperBound...].prefix { $0.isNumber }
        return min(2_000, max(1, Int(digits) ?? 2_000))
    }
}

/// Open query locators: a snapshot of the matching rows, expiring after `ttl` seconds unused, 10 open at most.
final class SalesforceLocators: @unchecked Sendable {
    /// The org's 24-hour request limit `Sforce-Limit-Info` reports.
    static let dailyLimit = 100_000
    static let maximumOpen = 10

    struct Locator {
        /// The sObject type queried.
        let object: String
        let positions: [Int]
        let fields: [String]
        let batch: Int
        var lastUsed = Date()
    }

    private let lock = NSLock()
    private var open: [(id: String, value: Locator)] = []
    private var counter = 0
    private var requests = 0
    private let ttl: TimeInterval

    init(ttl: TimeInterval = 900) { self.ttl = ttl }

    /// Counts a request against the daily limit; returns the usage so far.
    func countRequest() -> Int {
        lock.lock()
        defer { lock.unlock() }
        requests += 1
        return requests
    }

    /// Opens a locator, closing the oldest beyond ten.
    func open(_ locator: Locator) -> (id: String, value: Locator) {
        lock.lock()
        defer { lock.unlock() }
        counter += 1
        let entry = (id: "01gSB" + String(format: "%010d", counter), value: locator)
        open.append(entry)
        if open.count > Self.maximumOpen { open.removeFirst(open.count - Self.maximumOpen) }
        return entry
    }

    /// A locator still open and fresh, touched.
    func locator(_ id: String) -> (id: String, value: Locator)? {
        lock.lock()
        defer { lock.unlock() }
        open.removeAll { Date().timeIntervalSince($0.value.lastUsed) > ttl }
        guard let index = open.firstIndex(where: { $0.id == id }) else { return nil }
        open[index].value.lastUsed = Date()
        return open[index]
    }

    /// Expires every locator (the control endpoint's stand-in for 15 idle minutes).
    func expireAll() {
        lock.lock()
        defer { lock.unlock() }
        open.removeAll()
    }
}
