import Foundation
import Store

/// How long ago each configured source last synced without error: the second table of `scorebook scores`.
public struct SourceFreshness {
    private let configuration: ScorebookConfiguration
    private let log: SyncStateStore

    /// The freshness of the configured sources in `database`.
    public init(configuration: ScorebookConfiguration, database: Database) {
        self.configuration = configuration
        self.log = SyncStateStore(database: database)
    }

    /// Source, kind, last good sync and state: `never synced`, `fresh`, or `stale (N hours)` past a day, since sources
    /// feed every score and one not synced for a day makes usage-driven scores stale too.
    public func table(now: Date = Date()) throws -> TextTable {
        let synced = try log.lastSuccessfulSync()
        var table = TextTable(columns: ["source", "kind", "last good sync", "state"])
        for source in configuration.sources {
            guard let finished = synced[source.name], let date = Self.timestamp(finished) else {
                table.rows.append([source.name, source.kind.rawValue, "-", "never synced"])
                continue
            }
            let hours = Int(now.timeIntervalSince(date) / 3_600)
            let state = hours > 24 ? "stale (\(hours) hours)" : "fresh"
            table.rows.append([source.name, source.kind.rawValue, String(finished.prefix(19)), state])
        }
        return table
    }

    /// A log timestamp (ISO 8601 with fractional seconds) as a date.
    private static func timestamp(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)
    }
}
