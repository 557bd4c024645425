import ArgumentParser
import Host
import ScoreKit

/// `scorebook modules`: the score modules compiled into this binary.
struct Modules: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the registered score modules, their facts and settings.")

    @Argument(help: "Only this module (e.g. health).")
    var name: String?

    @Option(help: "Output: table (the description), csv or json (a row per setting, with the module's facts).")
    var format: OutputFormat = .table

    func validate() throws {
        let names = registeredModules.map { $0.identifier }
        if let name, !names.contains(name) {
            throw ValidationError("no module \"\(name)\" (modules: \(names.joined(separator: ", ")))")
        }
    }

    func run() {
        let modules = registeredModules.filter { name == nil || $0.identifier == name }
        guard format == .table else {
            var listing = Listing(columns: ["module", "summary", "facts", "setting", "help"])
            listing.rows = modules.flatMap { ModuleDescription($0).rows }
            Terminal.show(listing, as: format)
            return
        }
        for module in modules {
            print(ModuleDescription(module).text)
            print()
        }
    }
}

/// A module's listing: summary, facts with default settings, and each setting.
struct ModuleDescription {
    let text: String
    /// One row per setting: module, summary, facts (default settings), setting, help.
    let rows: [[String]]

    init(_ module: any ScoreModule.Type) {
        text = Self.describe(module)
        rows = Self.settingRows(module)
    }

    private static func settingRows<Module: ScoreModule>(_ module: Module.Type) -> [[String]] {
        let facts = Module.facts(for: Module.Configuration()).map(\.description).joined(separator: ", ")
        let settings = Module.Configuration.settings.map {
            [Module.identifier, Module.summary, facts, $0.key, $0.help]
        }
        return settings.isEmpty ? [[Module.identifier, Module.summary, facts, "", ""]] : settings
    }

    private static func describe<Module: ScoreModule>(_ module: Module.Type) -> String {
        var lines = ["\(Module.identifier): \(Module.summary)"]
        lines.append(
            "  facts (default settings): "
                + Module.facts(for: Module.Configuration()).map(\.description).joined(separator: ", "))
        lines.append("  settings:")
        let width = Module.Configuration.settings.map(\.key.count).max() ?? 0
        for setting in Module.Configuration.settings {
            lines.append(
                "    " + setting.key + String(repeating: " ", count: width - setting.key.count) + "  " + setting.help)
        }
        return lines.joined(separator: "\n")
    }
}
