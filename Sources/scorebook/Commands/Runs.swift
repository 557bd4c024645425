import ArgumentParser
import Host
import Store

/// `scorebook runs [NAME]`: stored runs, newest first; `--prune --keep N` deletes older ones.
struct Runs: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List stored runs, or prune old ones with --prune --keep N.")

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
        let store = ScoreRunStore(database: try global.workspace.openDatabase())
        if prune, let name, let keep {
            let deleted = try store.prune(scoreName: name, keep: keep)
            let kept = try store.runs(of: name).map { "\($0.id) (\($0.kind.rawValue) as of \($0.asOf))" }
            let keptText = kept.isEmpty ? "none" : "run " + kept.joined(separator: ", ")
            print("\(name): deleted \(deleted) runs, kept \(keptText)")
            return
        }
        var table = Listing(
            columns: ["run", "score", "module", "kind", "as of", "finished", "config", "accounts", "bands"], numeric: [0, 7])
        for run in try store.runs(of: name) {
            let bands = try store.bandCounts(runID: run.id).map { "\($0.band) \($0.count)" }.joined(separator: ", ")
            table.rows.append([
                String(run.id), run.scoreName, run.module, run.kind.rawValue, run.asOf, String(run.finishedAt?.prefix(19) ?? "-"),
                run.configHash, String(run.accountCount), bands,
            ])
        }
        Terminal.show(table, as: format)
    }
}
