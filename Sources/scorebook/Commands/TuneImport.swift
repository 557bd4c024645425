import ArgumentParser
import Foundation
import Host

/// `scorebook tune import NAME FILE`: a tuning sheet written back into the configuration file.
struct TuneImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Write a CSV of a score's weights, bands and grids back into the configuration file.",
        discussion: "The sheet is checked as `scorebook check` would check the file (weights sum to 100, bands without "
            + "gaps or overlaps, known settings and signals); a problem is said as FILE:LINE and the file is left as "
            + "it was. Settings the sheet leaves unchanged are not rewritten; other scores are never touched.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The named score.")
    var name: String

    @Argument(help: "The CSV file, as `scorebook tune export` writes it.")
    var file: String

    @Flag(help: "Print the change to the configuration file as a diff; write nothing.")
    var dryRun = false

    func validate() throws {
        guard FileManager.default.fileExists(atPath: file) else { throw ValidationError("no file at \(file)") }
    }

    func run() throws {
        let path = global.workspace.configurationPath
        let plan = try TuningImport(configurationPath: path, score: name, sheetPath: file).plan()
        guard !plan.changed.isEmpty else {
            print("\(file): no changes to score \(name); \(path) left as it was")
            return
        }
        let settings = plan.changed.joined(separator: ", ")
        if dryRun {
            print(LineDiff.unified(plan.original, plan.text, name: path))
            print("\(file): would change \(settings) of score \(name); nothing written (--dry-run)")
            return
        }
        try FileWriting.write(plan.text, to: path)
        print("\(file): wrote \(settings) of score \(name) into \(path); the next run uses them")
    }
}
