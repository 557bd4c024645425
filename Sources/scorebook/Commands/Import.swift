import ArgumentParser
import Foundation
import Generator
import Host

/// `scorebook import KIND FILE`: load a CSV or JSON Lines file into the database.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Import a CSV (or .jsonl) file of accounts, invoices, mrr, usage, tickets, nps, assessments or outcomes.",
        discussion: "The whole file is one transaction: a bad row stops the import and nothing of the file is written. "
            + "Importing the same file twice changes nothing.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "What the file holds: \(ImportKind.allCases.map(\.rawValue).joined(separator: ", ")).")
    var kind: ImportKind

    @Argument(help: "The file, CSV with a header row, or JSON Lines (.jsonl).")
    var file: String

    func validate() throws {
        guard FileManager.default.fileExists(atPath: file) else { throw ValidationError("no file at \(file)") }
    }

    func run() throws {
        let database = try global.workspace.openDatabase(create: true)
        let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? NSNumber)?.doubleValue
        let bar = ProgressBar("importing \(kind.rawValue)", total: size)
        let progress =
            Terminal.isInteractive
            ? { (rows: Int, bytes: Int) in
                let read = ProgressBar.megabytes(Double(bytes))
                let megabytes = size.map { " (\(read) of \(ProgressBar.megabytes($0)) MB)" } ?? ""
                Terminal.progress(bar.line(done: Double(bytes), detail: "\(rows) rows\(megabytes)"))
            } : nil
        let summary = try Importer(database: database).importFile(kind: kind, path: file, progress: progress)
        if progress != nil { Terminal.progress(nil) }
        print("\(file): \(summary.rowsRead) \(kind.rawValue) rows read, \(summary.rowsWritten) new or changed")
    }
}

extension ImportKind: ExpressibleByArgument {}
