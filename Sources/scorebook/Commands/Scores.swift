import ArgumentParser
import Foundation
import Host
import ScoreKit
import Store

/// `scorebook scores`: the named scores, their last run and whether it is stale.
struct Scores: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the named scores with their last run and staleness.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let workspace = global.workspace
        let configuration = try workspace.loadConfiguration()
        let database = try workspace.openDatabase(create: true)
        let store = ScoreRunStore(database: database)
        var table = TextTable(columns: ["score", "module", "last run", "as of", "finished", "accounts", "state"], numeric: [2, 5])
        for score in configuration.scores {
            guard let run = try store.latestRun(of: score.name) else {
                table.rows.append([score.name, score.module, "-", "-", "-", "-", "never run"])
                continue
            }
            let finished = run.finishedAt.flatMap { ISO8601DateFormatter.withFractions.date(from: $0) }
            let age = finished.map { Int(Date().timeIntervalSince($0) / 86_400) } ?? 0
            let state = age > score.staleAfterDays ? "stale (\(age) days, refresh every \(score.staleAfterDays))" : "fresh"
            table.rows.append([
                score.name, score.module, String(run.id), run.asOf, String(run.finishedAt?.prefix(19) ?? "-"),
                String(run.accountCount), state,
            ])
        }
        print(table.render())
    }
}

extension ISO8601DateFormatter {
    static var withFractions: ISO8601DateFormatter {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter
    }
}
