import Connectors
import Foundation
import ScoreKit
import Store

/// Runs a score's band actions for the accounts that entered a band in its latest run, once each.
///
/// Transitions are read from the stored runs (latest vs the one before). Each action sent is recorded, so running
/// `act` again sends nothing twice. Before an action that reaches a person, the account's primary contact is checked:
/// no contact, no e-mail, or no activity for more than `contact_max_age_days` before the run's day is flagged.
public struct ActionRunner {
    /// One action for one account: what is (or would be) done, and any contact warning.
    public struct Delivery: Sendable {
        public let accountID: String
        public let name: String
        public let band: String
        public let previousBand: String?
        public let action: String
        public let contactWarning: String?
        /// sent, would send (dry run), or already sent.
        public let status: String
    }

    private let database: Database
    private let environment: [String: String]
    private let options: HTTPOptions
    private let sources: [String: SourceSettings]

    /// Creates a runner; `sources` are the configured sources HubSpot tasks go through.
    public init(
        database: Database, environment: [String: String] = ProcessInfo.processInfo.environment,
        options: HTTPOptions = HTTPOptions(), sources: [String: SourceSettings] = [:]
    ) {
        self.database = database
        self.environment = environment
        self.options = options
        self.sources = sources
    }

    /// Acts on the latest run of the score; with `dryRun`, only says what would be sent.
    public func act(_ score: NamedScore, dryRun: Bool) throws -> [Delivery] {
        guard !score.actions.isEmpty else {
            throw CompareError("score \"\(score.name)\" has no `actions:` in the configuration")
        }
        let runs = try ScoreRunStore(database: database).runs(of: score.name)
        guard let latest = runs.first else {
            throw CompareError("score \"\(score.name)\" has not been run yet (run `scorebook run \(score.name)`)")
        }
        let store = ActionStore(database: database)
        let asOf = Day(iso: latest.asOf) ?? .today
        var deliveries: [Delivery] = []
        var client: HTTPClient?
        for transition in try store.transitions(runID: latest.id, previousRunID: runs.dropFirst().first?.id) {
            for action in score.actions[transition.band] ?? [] {
                let warning = action.reachesPerson ? try contactWarning(transition, asOf: asOf, maxAge: score.contactMaxAgeDays, store: store) : nil
                let name = action.description
                func delivery(_ status: String) -> Delivery {
                    Delivery(accountID: transition.accountID, name: transition.name, band: transition.band,
                             previousBand: transition.previousBand, action: name, contactWarning: warning, status: status)
                }
                if try store.wasSent(scoreName: score.name, runID: latest.id, accountRowID: transition.accountRowID, action: name) {
                    deliveries.append(delivery("already sent"))
                    continue
                }
                if dryRun {
                    deliveries.append(delivery("would send"))
                    continue
                }
                let payload = Self.payload(score: score, run: latest, transition: transition, warning: warning)
                switch action {
                case .webhook(let url, let secretVariable):
                    if client == nil { client = try HTTPClient(options: options, requestsPerSecond: 10) }
                    try send(payload, to: url, secretVariable: secretVariable, client: client, what: "\(score.name) \(transition.accountID)")
                case .csv(let path):
                    try appendCSV(path: path, score: score, run: latest, transition: transition, warning: warning)
                case .hubspotTask(let subject, let sourceName):
                    guard let source = sources[sourceName], source.kind == .hubspot else {
                        throw CompareError("hubspot_task: no HubSpot source named \"\(sourceName)\" is configured (or its token is not set)")
                    }
                    guard try ActionStore(database: database).isAccount(transition.accountRowID, fromSource: sourceName) else {
                        deliveries.append(delivery("skipped: not a \(sourceName) company"))
                        continue
                    }
                    if client == nil { client = try HTTPClient(options: options, requestsPerSecond: 10) }
                    let text = subject.replacingOccurrences(of: "{name}", with: transition.name).replacingOccurrences(of: "{band}", with: transition.band)
                    try HubSpotTask(source: source, client: client).create(
                        subject: text, body: warning ?? "", companyID: transition.accountID, what: "\(score.name) \(transition.accountID)")
                }
                try store.record(scoreName: score.name, runID: latest.id, accountRowID: transition.accountRowID,
                                 band: transition.band, action: name, detail: String(decoding: payload, as: UTF8.self))
                deliveries.append(delivery("sent"))
            }
        }
        return deliveries
    }

    private func contactWarning(_ transition: ActionStore.Transition, asOf: Day, maxAge: Int, store: ActionStore) throws -> String? {
        guard let contact = try store.primaryContact(accountRowID: transition.accountRowID) else { return "no contact on record" }
        guard contact.email != nil else { return "the primary contact has no e-mail" }
        guard let last = contact.lastActivity.flatMap(Day.init(iso:)) else { return "the primary contact has no recorded activity" }
        let age = asOf.days(since: last)
        return age > maxAge ? "the primary contact's last activity was \(age) days ago (\(last)); check they are still there" : nil
    }

    static func payload(score: NamedScore, run: ScoreRun, transition: ActionStore.Transition, warning: String?) -> [UInt8] {
        let object: [String: Any] = [
            "score": score.name, "run": run.id, "as_of": run.asOf, "account_id": transition.accountID, "name": transition.name,
            "value": transition.value, "band": transition.band, "previous_band": transition.previousBand ?? NSNull(),
            "contact_warning": warning ?? NSNull(),
        ]
        return [UInt8]((try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8))
    }

    private func send(_ body: [UInt8], to url: String, secretVariable: String?, client: HTTPClient?, what: String) throws {
        guard let client else { return }
        var headers: [(name: String, value: String)] = [("Content-Type", "application/json")]
        if let secretVariable {
            guard let secret = environment[secretVariable], !secret.isEmpty else {
                throw CompareError("webhook secret: environment variable \(secretVariable) is not set")
            }
            headers.append(("X-Scorebook-Signature", "sha256=" + SHA256.hex(SHA256.hmac(key: Array(secret.utf8), message: body))))
        }
        _ = try client.send(HTTPRequest(method: "POST", url: url, headers: headers, body: body), what: "webhook for \(what)") { response in
            switch response.status {
            case 200..<300: return .accept
            case 429, 500...: return .retry(after: HTTPClient.retryAfter(response), reason: "HTTP \(response.status)")
            default: return .fail("HTTP \(response.status)")
            }
        }
    }

    private func appendCSV(path: String, score: NamedScore, run: ScoreRun, transition: ActionStore.Transition, warning: String?) throws {
        let isNew = !FileManager.default.fileExists(atPath: path)
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        var text = isNew ? "score,run,as_of,account_id,name,value,band,previous_band,contact_warning\n" : ""
        text += [score.name, String(run.id), run.asOf, transition.accountID, transition.name, JSONText.number(transition.value),
                 transition.band, transition.previousBand ?? "", warning ?? ""].map(CSVField.escape).joined(separator: ",") + "\n"
        if isNew { FileManager.default.createFile(atPath: path, contents: nil) }
        guard let handle = FileHandle(forWritingAtPath: path) else { throw CompareError("cannot write \(path)") }
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
    }
}
