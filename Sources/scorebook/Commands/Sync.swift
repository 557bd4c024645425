import ArgumentParser
import Foundation
import Host

/// `scorebook sync [SOURCE...]`: pull the configured CRM and billing sources into the database.
struct Sync: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Sync the configured sources (incremental by default), or show the sync log with --status.",
        discussion: "Tokens come from the environment variables the configuration names (token_env). "
            + "Exits non-zero with one line naming the source, the stream and the reason when a source fails.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Sources to sync; all configured sources when none are given.")
    var sources: [String] = []

    @Flag(help: "Start over: forget cursors and bookmarks and list everything again.")
    var full = false

    @Flag(
        help:
            "After syncing, list every id each source still has (accounts, contacts, deals, tickets, subscriptions, invoices) and retire the rest (also every reconcile_every_days, default 7)."
    )
    var reconcile = false

    @Flag(help: "Show where each stream stands (its latest sync log row) instead of syncing.")
    var status = false

    @Option(help: "With --status: the latest N log rows instead, newest first.")
    var history: Int?

    @Option(help: "A CA bundle to verify TLS with.")
    var caFile: String?

    @Option(help: "Stop the sync after this long (30s, 45m, 2h), keeping what was written; the next sync resumes.")
    var deadline: String?

    @Option(help: "The largest response body read, in MiB; a larger one stops the sync (default 64).")
    var maxBodyMb: Int = 64

    @Option(help: "With --status: output as table, csv or json.")
    var format: OutputFormat = .table

    /// The deadline in seconds.
    var deadlineSeconds: Double? {
        guard let deadline, let unit = deadline.last, let count = Double(deadline.dropLast()), count > 0 else {
            return nil
        }
        switch unit {
        case "s": return count
        case "m": return count * 60
        case "h": return count * 3_600
        default: return nil
        }
    }

    func validate() throws {
        if deadline != nil && deadlineSeconds == nil {
            throw ValidationError("--deadline must be a positive number of seconds, minutes or hours (30s, 45m, 2h)")
        }
        guard (1...4_096).contains(maxBodyMb) else { throw ValidationError("--max-body-mb must be 1 to 4096") }
        if format != .table && !status { throw ValidationError("--format goes with --status") }
    }

    func run() throws {
        let workspace = global.workspace
        let database = try workspace.openDatabase(create: true)
        if status {
            Terminal.show(try SyncLog(database: database).listing(history: history), as: format)
            return
        }
        let configuration = try workspace.loadConfiguration()
        var options = SyncOptions()
        options.caFile = caFile
        options.maxBodyBytes = maxBodyMb << 20
        options.deadline = deadlineSeconds.map { Date().addingTimeInterval($0) }
        let interactive = Terminal.isInteractive
        // The APIs do not say how many records a listing holds, so the line has what is done and the time taken.
        let bar = ProgressBar("syncing", total: nil)
        let summary = try SyncService(configuration: configuration, database: database).sync(
            names: sources, full: full, reconcile: reconcile, options: options,
            progress: { if interactive { Terminal.progress(bar.line(done: 0, detail: $0)) } },
            warning: { line in
                if interactive { Terminal.progress(nil) }
                Terminal.warn("warning: \(line)")
            })
        if interactive { Terminal.progress(nil) }
        print(summary)
    }
}
