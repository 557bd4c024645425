import Foundation
import Yams

/// What a score does for accounts that enter a band: call a webhook, or add them to a CSV file.
///
/// ```yaml
/// actions:
///   Red:
///     - webhook: https://hooks.example.com/scorebook
///       secret_env: SCOREBOOK_WEBHOOK_SECRET   # signs the body: X-Scorebook-Signature: sha256=<HMAC>
///     - csv: exports/red-accounts.csv
///     - hubspot_task: "Save call: {name} is {band}"   # a task on the company, through the HubSpot source
///       source: hubspot
/// contact_max_age_days: 180                    # flag accounts whose primary contact went quiet
/// ```
public enum ActionSpec: Sendable, Equatable, CustomStringConvertible {
    case webhook(url: String, secretVariable: String?)
    case csv(path: String)
    /// A task on the account's company in a HubSpot source (`{name}` and `{band}` in the subject are filled in).
    case hubspotTask(subject: String, source: String)

    /// A stable name, recorded with what was sent.
    public var description: String {
        switch self {
        case .webhook(let url, _): return "webhook \(url)"
        case .csv(let path): return "csv \(path)"
        case .hubspotTask(let subject, let source): return "\(source) task \"\(subject)\""
        }
    }

    /// True when the action reaches a person (so contact freshness matters).
    public var reachesPerson: Bool {
        switch self {
        case .webhook, .hubspotTask: return true
        case .csv: return false
        }
    }

    static func parse(_ node: Node, file: String, score: String) throws -> [String: [ActionSpec]] {
        func fail(_ message: String, _ at: Node?) -> ConfigError {
            ConfigError(file: file, line: at?.mark?.line ?? node.mark?.line, score: score, message: message)
        }
        guard let mapping = node.mapping else { throw fail("actions: expected band: [actions]", node) }
        var actions: [String: [ActionSpec]] = [:]
        for (bandNode, listNode) in mapping {
            let band = bandNode.string ?? ""
            guard let list = listNode.sequence else {
                throw fail("actions.\(band): expected a list of actions", listNode)
            }
            actions[band] = try list.map { item in
                guard let fields = item.mapping else { throw fail("actions.\(band): each action is a mapping", item) }
                for (key, _) in fields
                where !["webhook", "secret_env", "csv", "hubspot_task", "source"].contains(key.string ?? "") {
                    throw fail(
                        "actions.\(band): unknown key \"\(key.string ?? "")\" (known: webhook, secret_env, csv, "
                            + "hubspot_task, source)",
                        key)
                }
                if let url = fields["webhook"]?.string {
                    guard url.hasPrefix("http://") || url.hasPrefix("https://") else {
                        throw fail("actions.\(band): webhook must be an http(s) URL, got \"\(url)\"", fields["webhook"])
                    }
                    return .webhook(url: url, secretVariable: fields["secret_env"]?.string)
                }
                if let path = fields["csv"]?.string { return .csv(path: path) }
                if let subject = fields["hubspot_task"]?.string {
                    return .hubspotTask(subject: subject, source: fields["source"]?.string ?? "hubspot")
                }
                throw fail("actions.\(band): an action needs `webhook:`, `csv:` or `hubspot_task:`", item)
            }
        }
        return actions
    }
}
