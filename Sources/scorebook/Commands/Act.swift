import ArgumentParser
import Host

/// `scorebook act NAME`: run the score's band actions for accounts that entered a band since the previous run.
struct Act: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a score's band actions (webhooks, CSV exports, HubSpot tasks) for accounts whose band changed.",
        discussion: "Acts on the score's current runs: the band changes since the last run act finished on. Each "
            + "delivery is recorded before it is sent, with an id (X-Scorebook-Delivery, delivery_id) a receiver can "
            + "drop repeats by; one cut off by a crash is sent again with the same id. Accounts whose primary contact "
            + "is missing, has no e-mail, or went quiet (contact_max_age_days, default 180) are flagged.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The named score.")
    var name: String

    @Flag(help: "Show what would be sent; send and record nothing.")
    var dryRun = false

    @Option(help: "Seconds a webhook receiver or HubSpot has to answer each try (three tries).")
    var timeout: Int = 15

    @Option(help: "Output: table (on a terminal; one summary line otherwise), csv or json.")
    var format: OutputFormat = .table

    func validate() throws {
        guard (1...600).contains(timeout) else { throw ValidationError("--timeout must be 1 to 600 seconds") }
    }

    func run() throws {
        let workspace = global.workspace
        let configuration = try workspace.loadConfiguration()
        let score = try configuration.score(named: name)
        let runner = ActionRunner(
            database: try workspace.openDatabase(), configuration: configuration, timeoutSeconds: timeout)
        let deliveries = try runner.act(score, dryRun: dryRun)
        var table = Listing(columns: ["account_id", "name", "band", "from", "action", "status", "contact"])
        for delivery in deliveries {
            table.rows.append([
                delivery.accountID, delivery.name, delivery.band, delivery.previousBand ?? "-", delivery.action,
                delivery.status, delivery.contactWarning ?? "ok",
            ])
        }
        let sent = deliveries.filter { $0.status.hasPrefix(dryRun ? "would send" : "sent") }.count
        let again = deliveries.filter { $0.status.hasPrefix("sent again") }.count
        let already = deliveries.filter { $0.status == "already sent" }.count
        let flagged = deliveries.filter { $0.contactWarning != nil }.count
        guard format == .table else {
            table.fields = [
                ("score", .text(name)), ("dry_run", .text(dryRun ? "yes" : "no")), ("sent", .number(Double(sent))),
                ("sent_again", .number(Double(again))), ("already_sent", .number(Double(already))),
                ("contacts_to_check", .number(Double(flagged))),
            ]
            Terminal.show(table, as: format)
            return
        }
        if Terminal.isOutputTerminal { Terminal.show(table, as: .table) }
        print(
            "\(name): \(dryRun ? "would send" : "sent") "
                + "\(sent)\(again > 0 ? " (\(again) pending from an earlier act)" : ""), "
                + "\(already) already sent, \(flagged) with a contact to check")
    }
}
