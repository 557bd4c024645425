import Foundation
import ScoreKit
import Testing

@testable import Host

private func exampleMismatches<Module: ScoreModule>(_ module: Module.Type) -> [String] {
    Module.examples.flatMap { $0.mismatches() }
}

private func exampleCount<Module: ScoreModule>(_ module: Module.Type) -> Int {
    Module.examples.count
}

@Test(arguments: registeredModules.map { $0.identifier })
func everyWorkedExampleOfEveryModuleHolds(identifier: String) throws {
    let module = try #require(ModuleRegistry.module(identifier))
    #expect(exampleCount(module) > 0, "module \(identifier) carries no worked examples")
    #expect(exampleMismatches(module) == [])
}

@Test func theRegistryListsEveryModuleFolder() throws {
    let plugins = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Plugins")
    let folders = try FileManager.default.contentsOfDirectory(atPath: plugins.path).filter { $0.hasSuffix("Score") }
        .sorted()
    let registered = registeredModules.map { String(describing: $0) }.sorted()
    #expect(
        folders == registered,
        "Sources/Host/Registry/RegisteredModules+Generated.swift is out of date. Please run scripts/register-modules.")
}

@Test func moduleIdentifiersAreUnique() {
    let identifiers = registeredModules.map { $0.identifier }
    #expect(Set(identifiers).count == identifiers.count)
}
