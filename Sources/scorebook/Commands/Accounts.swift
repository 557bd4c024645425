import ArgumentParser
import Host

/// `scorebook accounts --unlinked`: billing customers and CRM companies identity could not link.
struct Accounts: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List accounts; --unlinked shows what identity could not link.")

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Only billing customers without a CRM company, and CRM companies without billing.")
    var unlinked = false

    func validate() throws {
        guard unlinked else { throw ValidationError("only --unlinked is available so far") }
    }

    func run() throws {
        let workspace = global.workspace
        let service = SyncService(configuration: try workspace.loadConfiguration(), database: try workspace.openDatabase())
        var table = TextTable(columns: ["source", "id", "name"])
        for account in try service.unlinked() {
            table.rows.append([account.source, account.id, account.name])
        }
        print(table.render())
        print("\(table.rows.count) unlinked")
    }
}
