import ArgumentParser
import Host

/// `scorebook accounts [TEXT]`: list and find accounts; `--unlinked` shows what identity could not link.
struct Accounts: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List accounts, or find them by id, name or domain; --unlinked shows what identity could not link.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Only accounts whose id, name or domain contains this text (any case).")
    var text: String?

    @Flag(help: "Only billing customers without a CRM company, and CRM companies without billing.")
    var unlinked = false

    @Option(help: "The most accounts listed (default 50).")
    var limit: Int = 50

    @Option(help: "Output: table, csv or json.")
    var format: OutputFormat = .table

    func validate() throws {
        guard limit >= 1 else { throw ValidationError("--limit must be at least 1") }
        if unlinked && text != nil {
            throw ValidationError("--unlinked lists every unlinked account; drop \"\(text ?? "")\"")
        }
    }

    func run() throws {
        let workspace = global.workspace
        if unlinked {
            let service = SyncService(
                configuration: try workspace.loadConfiguration(), database: try workspace.openDatabase())
            var listing = Listing(columns: ["source", "id", "name"])
            listing.rows = try service.unlinked().map { [$0.source, $0.id, $0.name] }
            listing.fields = [("unlinked", .number(Double(listing.rows.count)))]
            Terminal.show(listing, as: format)
            if format == .table { print("\(listing.rows.count) unlinked") }
            return
        }
        let matches = try AccountSearch(database: try workspace.openDatabase()).find(text, limit: limit)
        Terminal.show(matches.listing, as: format)
        if format == .table { print(matches.summary) }
    }
}
