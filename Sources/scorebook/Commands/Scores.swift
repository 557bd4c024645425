import ArgumentParser
import Foundation
import Host
import ScoreKit
import Store

/// `scorebook scores`: the named scores, their last run and whether it is stale.
struct Scores: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the named scores with their last run and staleness.")

    @OptionGroup var global: GlobalOptions

    @Option(help: "Output: table, csv or json.")
    var format: OutputFormat = .table

    func run() throws {
        let workspace = global.workspace
        let configuration = try workspace.loadConfiguration()
        let database = try workspace.openDatabase(create: true)
        let store = ScoreRunStore(database: database)
        var table = Listing(
            columns: ["score", "module", "run", "as of", "kind", "finished", "accounts", "state"], numeric: [2, 6])
        for score in configuration.scores {
            guard let run = try store.latestRun(of: score.name) else {
                table.rows.append([score.name, score.module, "-", "-", "-", "-", "-", "never run"])
                continue
            }
            // Staleness counts from the day the run is as of: a run made today as of last month is a month old.
            let age = Day(iso: run.asOf).map { Day.today.days(since: $0) } ?? 0
            let state = age > score.staleAfterDays ? "stale (\(age) days, refresh every \(score.staleAfterDays))" : "fresh"
            table.rows.append([
                score.name, score.module, String(run.id), run.asOf, run.kind.rawValue,
                String(run.finishedAt?.prefix(19) ?? "-"),
                String(run.accountCount), state,
            ])
        }
        Terminal.show(table, as: format)
        // The sources' freshness is a second table; scripts read it from `sync --status --format`.
        guard format == .table, !configuration.sources.isEmpty else { return }
        // Sources feed every score: one not synced for a day makes usage-driven scores stale too.
        let synced = try SyncStateStore(database: database).lastSuccessfulSync()
        var sources = TextTable(columns: ["source", "kind", "last good sync", "state"])
        for source in configuration.sources {
            guard let finished = synced[source.name], let date = ISO8601DateFormatter.withFractions.date(from: finished) else {
                sources.rows.append([source.name, source.kind.rawValue, "-", "never synced"])
                continue
            }
            let hours = Int(Date().timeIntervalSince(date) / 3_600)
            sources.rows.append([source.name, source.kind.rawValue, String(finished.prefix(19)), hours > 24 ? "stale (\(hours) hours)" : "fresh"])
        }
        print()
        print(sources.render(width: Terminal.outputWidth))
    }
}

extension ISO8601DateFormatter {
    static var withFractions: ISO8601DateFormatter {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter
    }
}
