import ArgumentParser
import Host

/// `scorebook runs [NAME]`: stored runs, newest first; `--prune --keep N` deletes older ones.
struct Runs: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List stored runs, or prune old ones with --prune --keep N.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Only this score's runs.")
    var name: String?

    @Flag(help: "Delete all but the newest --keep runs of the score (names the runs it keeps).")
    var prune = false

    @Option(help: "Runs to keep when pruning.")
    var keep: Int?

    @Option(help: "Output: table, csv or json.")
    var format: OutputFormat = .table

    func validate() throws {
        if prune {
            guard name != nil else { throw ValidationError("--prune needs a score name") }
            guard let keep, keep >= 1 else { throw ValidationError("--prune needs --keep N, at least 1") }
        } else if keep != nil {
            throw ValidationError("--keep only goes with --prune")
        }
    }

    func run() throws {
        let runs = RunArchive(database: try global.workspace.openDatabase())
        if prune, let name, let keep {
            print(try runs.prune(name, keep: keep))
            return
        }
        Terminal.show(try runs.history(of: name), as: format)
    }
}
