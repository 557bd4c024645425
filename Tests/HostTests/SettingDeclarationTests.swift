import Foundation
import ScoreKit
import Testing

@testable import Host

/// A configuration and the one line it must be refused with, for the checks each setting declares.
private let cases: [ConfigCase] = [
    ConfigCase(
        id: "a window of no days",
        yaml: "scores:\n  health:\n    module: health\n    ticket_window_days: 0\n",
        message: #"test.yml:4: score "health": must be a positive number of days, got 0"#),
    ConfigCase(
        id: "a detractor threshold that is no NPS answer",
        yaml: "scores:\n  churn:\n    module: churn\n    detractor_max: 11\n",
        message: #"test.yml:4: score "churn": must be an NPS answer 0-10, got 11.0"#),
    ConfigCase(
        id: "a big-logo tier of no employees",
        yaml: "scores:\n  referral:\n    module: referral\n    big_logo_employees: 0\n",
        message: #"test.yml:4: score "referral": must be a positive number of employees, got 0"#),
    ConfigCase(
        id: "a default sector risk above 100",
        yaml: "scores:\n  credit:\n    module: credit\n    default_sector_risk: 120\n",
        message: #"test.yml:4: score "credit": risk must be 0-100, got 120"#),
]

@Test(arguments: cases)
func aSettingsOwnCheckRefusesItsValueAtItsLine(_ configCase: ConfigCase) {
    #expect {
        try ScorebookConfiguration.parse(yaml: configCase.yaml, file: "test.yml")
    } throws: { error in
        if "\(error)" != configCase.message { Issue.record("got: \(error)") }
        return "\(error)" == configCase.message
    }
}

@Test func anEmptyValueKeepsTheSettingsDefault() throws {
    let empty = try ScorebookConfiguration.parse(
        yaml: "scores:\n  h:\n    module: health\n    ticket_window_days:\n", file: "t")
    let none = try ScorebookConfiguration.parse(yaml: "scores:\n  h:\n    module: health\n", file: "t")
    #expect(empty.scores[0].configurationHash == none.scores[0].configurationHash)
}

/// Every module's canonical settings, read back as settings, encode to themselves: each key decodes into the
/// setting that wrote it, so a run's stored configuration means what it meant.
@Test(arguments: registeredModules.map { $0.identifier })
func everyModulesCanonicalSettingsReadBackAsThemselves(identifier: String) throws {
    let module = try #require(ModuleRegistry.module(identifier))
    let (written, read) = try roundTrip(module)
    #expect(written == read)
}

private func roundTrip<Module: ScoreModule>(_ module: Module.Type) throws -> (String, String) {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let written = try encoder.encode(Module.Configuration())
    let read = try JSONDecoder().decode(DecodedSettings<Module.Configuration>.self, from: written).configuration
    return (String(decoding: written, as: UTF8.self), String(decoding: try encoder.encode(read), as: UTF8.self))
}

/// The help of every setting says the default once, from the declaration: no `(default` written twice.
@Test(arguments: registeredModules.map { $0.identifier })
func everySettingsHelpSaysItsDefaultAtMostOnce(identifier: String) throws {
    let module = try #require(ModuleRegistry.module(identifier))
    for setting in settings(of: module) {
        #expect(setting.help.components(separatedBy: "(default").count <= 2, "\(setting.key): \(setting.help)")
    }
}

private func settings<Module: ScoreModule>(of module: Module.Type) -> [SettingDescription] {
    Module.Configuration.settings
}
