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
/// contact_max_age_days: 180                    # flag accounts whose primary contact went quiet
/// ```
public enum ActionSpec: Sendable, Equatable, CustomStringConvertible {
    case webhook(url: String, secretVariable: String?)
    case csv(path: String)

    /// A stable name, recorded with what was sent.
    public var description: String {
        switch self {
        case .webhook(let url, _): return "webhook \(url)"
        case .csv(let path): return "csv \(path)"
        }
    }

    /// True when the action reaches a person (so contact freshness matters).
    public var reachesPerson: Bool {
        if case .webhook = self { return true }
        return false
    }

    static func parse(_ node: Node, file: String, score: String) throws -> [String: [ActionSpec]] {
        func fail(_ message: String, _ at: Node?) -> ConfigError {
            ConfigError(file: file, line: at?.mark?.line ?? node.mark?.line, score: score, message: message)
        }
        guard let mapping = node.mapping else { throw fail("actions: expected band: [actions]", node) }
        var actions: [String: [ActionSpec]] = [:]
        for (bandNode, listNode) in mapping {
            let band = bandNode.string ?? ""
            guard let list = listNode.sequence else { throw fail("actions.\(band): expected a list of actions", listNode) }
            actions[band] = try list.map { item in
                guard let fields = item.mapping else { throw fail("actions.\(band): each action is a mapping", item) }
                for (key, _) in fields where !["webhook", "secret_env", "csv"].contains(key.string ?? "") {
                    throw fail("actions.\(band): unknown key \"\(key.string ?? "")\" (known: webhook, secret_env, csv)", key)
                }
                if let url = fields["webhook"]?.string {
                    guard url.hasPrefix("http://") || url.hasPrefix("https://") else {
                        throw fail("actions.\(band): webhook must be an http(s) URL, got \"\(url)\"", fields["webhook"])
                    }
                    return .webhook(url: url, secretVariable: fields["secret_env"]?.string)
                }
                if let path = fields["csv"]?.string { return .csv(path: path) }
                throw fail("actions.\(band): an action needs `webhook:` or `csv:`", item)
            }
        }
        return actions
    }
}
