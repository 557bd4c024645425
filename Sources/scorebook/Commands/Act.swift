import ArgumentParser
import Connectors
import Host

/// `scorebook act NAME`: run the score's band actions for accounts that entered a band since the previous run.
struct Act: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a score's band actions (webhooks, CSV exports) for accounts that entered a band since the last run.",
        discussion: "Each action is recorded; running act again sends nothing twice. Accounts whose primary contact is "
            + "missing, has no e-mail, or went quiet (contact_max_age_days, default 180) are flagged.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The named score.")
    var name: String

    @Flag(help: "Show what would be sent; send and record nothing.")
    var dryRun = false

    func run() throws {
        let workspace = global.workspace
        let configuration = try workspace.loadConfiguration()
        let score = try configuration.score(named: name)
        // HubSpot tasks go through a configured source whose token is set.
        let sources = Dictionary(
            configuration.sources.compactMap { source in (try? source.settings(file: configuration.file)).map { (source.name, $0) } },
            uniquingKeysWith: { first, _ in first })
        let deliveries = try ActionRunner(database: try workspace.openDatabase(), sources: sources).act(score, dryRun: dryRun)
        var table = TextTable(columns: ["account_id", "name", "band", "from", "action", "status", "contact"])
        for delivery in deliveries {
            table.rows.append([delivery.accountID, delivery.name, delivery.band, delivery.previousBand ?? "-", delivery.action,
                               delivery.status, delivery.contactWarning ?? "ok"])
        }
        print(table.render())
        let sent = deliveries.filter { $0.status == "sent" }.count
        let flagged = deliveries.filter { $0.contactWarning != nil }.count
        print("\(name): \(dryRun ? "would send" : "sent") \(dryRun ? deliveries.filter { $0.status == "would send" }.count : sent), "
            + "\(deliveries.filter { $0.status == "already sent" }.count) already sent, \(flagged) with a contact to check")
    }
}
