import Connectors
import Foundation
import Generator
import Store

/// Performs one delivery of an action: a signed webhook, a row in a CSV export, or a HubSpot task.
///
/// Each is safe to perform again with the same delivery: the webhook carries its id for the receiver to drop repeats,
/// the CSV row is not written when the file already holds its id, and the task is looked up by the id in its body.
struct ActionSender {
    let environment: [String: String]
    let options: HTTPOptions
    let sources: [String: SourceSettings]
    private let clientBox = ClientBox()

    init(environment: [String: String], options: HTTPOptions, sources: [String: SourceSettings]) {
        self.environment = environment
        self.options = options
        self.sources = sources
    }

    /// Fails, before anything is recorded or sent, when an action cannot be performed at all: a webhook secret not
    /// set, a HubSpot source not configured.
    func preflight(_ actions: [ActionSpec]) throws {
        for action in actions {
            switch action {
            case .webhook(_, let secretVariable?):
                guard let secret = environment[secretVariable], !secret.isEmpty else {
                    throw HostError.secretNotSet(variable: secretVariable)
                }
            case .hubspotTask(_, let sourceName):
                guard let source = sources[sourceName], source.kind == .hubspot else {
                    throw HostError.noHubSpotSource(name: sourceName)
                }
            case .webhook, .csv:
                break
            }
        }
    }

    /// Why this action is not for this account, or nil.
    func skipReason(_ action: ActionSpec, accountRowID: Int64, store: ActionStore) throws -> String? {
        guard case .hubspotTask(_, let sourceName) = action else { return nil }
        return try store.isAccount(accountRowID, fromSource: sourceName) ? nil : "not a \(sourceName) company"
    }

    /// Performs the delivery; returns when it is known to have arrived.
    func send(_ action: ActionSpec, _ delivery: ActionStore.Delivery, payload: ActionPayload, score: String) throws {
        let what = "\(score) \(payload.accountID)"
        switch action {
        case .webhook(let url, let secretVariable):
            try postWebhook(
                Array(delivery.payload.utf8), id: delivery.deliveryID, to: url, secretVariable: secretVariable,
                what: what)
        case .csv(let path):
            try appendCSV(path: path, payload: payload)
        case .hubspotTask(let subject, let sourceName):
            guard let source = sources[sourceName] else { return }
            let text = subject.replacingOccurrences(of: "{name}", with: payload.name)
                .replacingOccurrences(of: "{band}", with: payload.band)
            let body = (payload.contactWarning.map { $0 + "\n" } ?? "") + "Scorebook delivery \(delivery.deliveryID)"
            let task = HubSpotTask(source: source, client: try client())
            guard try !task.exists(deliveryID: delivery.deliveryID, what: what) else { return }
            try task.create(subject: text, body: body, companyID: payload.accountID, what: what)
        }
    }

    private func client() throws -> HTTPClient {
        if let client = clientBox.client { return client }
        let client = try HTTPClient(options: options, requestsPerSecond: 10)
        clientBox.client = client
        return client
    }

    private func postWebhook(_ body: [UInt8], id: String, to url: String, secretVariable: String?, what: String) throws
    {
        var headers: [(name: String, value: String)] = [
            ("Content-Type", "application/json"), ("X-Scorebook-Delivery", id),
        ]
        if let secretVariable {
            guard let secret = environment[secretVariable], !secret.isEmpty else {
                throw HostError.secretNotSet(variable: secretVariable)
            }
            headers.append(("X-Scorebook-Signature", try WebhookSignature.header(secret: secret, body: body)))
        }
        _ = try client().send(
            HTTPRequest(method: "POST", url: url, headers: headers, body: body), what: "webhook for \(what)"
        ) {
            response in
            switch response.status {
            case 200..<300: return .accept
            case 300..<400: return .fail("HTTP \(response.status): redirects are not followed; configure the final URL")
            case 408, 429, 500...:
                return .retry(after: HTTPClient.retryAfter(response), reason: "HTTP \(response.status)")
            default: return .fail("HTTP \(response.status)")
            }
        }
    }

    /// Appends the delivery's row, unless the file already holds its id (a row written before a crash).
    private func appendCSV(path: String, payload: ActionPayload) throws {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        let header = CSVField.row(ActionPayload.csvHeader)
        let existing = FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
        if let existing, !existing.isEmpty {
            guard existing.hasPrefix(header + "\n") else {
                throw HostError.exportColumnsDiffer(path: path, header: header)
            }
            if existing.contains("," + CSVField.escape(payload.deliveryID) + "\n") { return }
        }
        let text = (existing?.isEmpty ?? true ? header + "\n" : "") + CSVField.row(payload.csvCells) + "\n"
        if existing == nil { _ = FileManager.default.createFile(atPath: path, contents: nil) }
        guard let handle = FileHandle(forWritingAtPath: path) else { throw HostError.cannotWrite(path: path) }
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
        try handle.synchronize()
    }
}

/// The sender's HTTP client, made on first use and kept for the act.
private final class ClientBox {
    var client: HTTPClient?
}
