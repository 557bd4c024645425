import ArgumentParser
import Foundation
import Host

/// `scorebook init`: create the database and a starter configuration.
struct Initialise: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Create the database and, if missing, a starter configuration.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let workspace = global.workspace
        let database = try workspace.prepareDatabase()
        let last = database.migrations.last ?? "none"
        print("database \(database.location) ready (\(database.migrations.count) migrations, the last \(last))")
        let path = workspace.configurationPath
        if FileManager.default.fileExists(atPath: path) {
            print("configuration \(path) kept as it is")
        } else {
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            }
            try FileWriting.write(StarterConfiguration.text, to: path)
            print("configuration \(path) written; edit it to name your scores")
        }
    }
}
