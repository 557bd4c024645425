import ArgumentParser
import Host
import ScoreKit

/// `scorebook modules`: the score modules compiled into this binary.
struct Modules: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the registered score modules, their facts and settings.")

    @Argument(help: "Only this module (e.g. health).")
    var name: String?

    func validate() throws {
        let names = registeredModules.map { $0.identifier }
        if let name, !names.contains(name) {
            throw ValidationError("no module \"\(name)\" (modules: \(names.joined(separator: ", ")))")
        }
    }

    func run() {
        for module in registeredModules where name == nil || module.identifier == name {
            print(ModuleDescription(module).text)
            print()
        }
    }
}

/// A module's listing: summary, facts with default settings, and each setting.
struct ModuleDescription {
    let text: String

    init(_ module: any ScoreModule.Type) {
        text = Self.describe(module)
    }

    private static func describe<Module: ScoreModule>(_ module: Module.Type) -> String {
        var lines = ["\(Module.identifier): \(Module.summary)"]
        lines.append("  facts (default settings): " + Module.facts(for: Module.Configuration()).map(\.description).joined(separator: ", "))
        lines.append("  settings:")
        let width = Module.Configuration.settings.map(\.key.count).max() ?? 0
        for setting in Module.Configuration.settings {
            lines.append("    " + setting.key + String(repeating: " ", count: width - setting.key.count) + "  " + setting.help)
        }
        return lines.joined(separator: "\n")
    }
}
