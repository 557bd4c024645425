import Foundation
import Testing

@testable import ScoreKit

/// The signals of the test configuration.
private enum Signal: String, WeightedSignal {
    case usage, support

    var defaultWeight: Double { self == .usage ? 60 : 40 }
    var isInverted: Bool { self == .support }
}

/// A configuration with one setting of each kind the modules declare.
private struct Sample: ModuleConfiguration, Equatable {
    @Setting("window_days", help: "days that count", check: .positiveDays) var windowDays = 30
    @Setting("normalisation", help: "signals") var normalisation = Normalisation.minMax
    @Setting("weights", help: "signal: percent", whenUnset: Signal.defaultWeightsText()) var weights:
        [String: Double]? =
            nil
    @Setting("tier", help: "employees of a big logo; null for none", check: .whenSet(.positive("employees")))
    var tier: Int? = 1000
    @Setting("items", help: "items read") var items = ["a", "b"]
    var model: String? = "kept"

    var signals: [SignalSpec] { Signal.specs(weights) }

    func validateTogether() throws {
        try Signal.check(weights)
    }
}

private func decode(_ json: String) throws -> Sample {
    try JSONDecoder().decode(DecodedSettings<Sample>.self, from: Data(json.utf8)).configuration
}

private func encode(_ sample: Sample) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return String(decoding: try encoder.encode(sample), as: UTF8.self)
}

@Test func settingsAreListedInDeclarationOrderWithTheirDefaults() {
    #expect(
        Sample.settings == [
            SettingDescription("window_days", "days that count (default 30)"),
            SettingDescription("normalisation", "signals: min-max (default) or percentile"),
            SettingDescription("weights", "signal: percent (default usage 60, support 40)"),
            SettingDescription("tier", "employees of a big logo; null for none (default 1000)"),
            SettingDescription("items", "items read (default a, b)"),
        ])
}

@Test func givenKeysReplaceDefaultsAndOthersKeepThem() throws {
    let sample = try decode(#"{"window_days": 7, "weights": {"usage": 100}}"#)
    #expect(sample.windowDays == 7)
    #expect(sample.weights == ["usage": 100])
    #expect(sample.tier == 1000)
    #expect(sample.items == ["a", "b"])
    #expect(sample.model == "kept")
    #expect(try decode("{}") == Sample())
}

@Test func nullUnsetsAnOptionalSettingAndLeavesAnyOtherAtItsDefault() throws {
    let sample = try decode(#"{"tier": null, "window_days": null}"#)
    #expect(sample.tier == nil)
    #expect(sample.windowDays == 30)
}

@Test func anUnknownKeyIsRefusedWithTheKeysAllowed() {
    #expect(
        throws: ConfigurationProblem(
            "unknown key \"windw_days\" (known: window_days, normalisation, weights, tier, items)", at: ["windw_days"])
    ) { try decode(#"{"windw_days": 7}"#) }
}

@Test func aValueOfTheWrongTypeIsRefusedAtItsKey() {
    #expect {
        try decode(#"{"window_days": "soon"}"#)
    } throws: { error in
        guard case DecodingError.typeMismatch(_, let context) = error else { return false }
        return context.codingPath.map(\.stringValue) == ["window_days"]
    }
}

@Test func theEncodingHoldsSettingsOnlyAndNullOnlyWhereTheDefaultIsSet() throws {
    var sample = Sample()
    #expect(try encode(sample) == #"{"items":["a","b"],"normalisation":"min-max","tier":1000,"window_days":30}"#)
    sample.tier = nil
    sample.weights = ["usage": 50, "support": 50]
    #expect(
        try encode(sample)
            == #"{"items":["a","b"],"normalisation":"min-max","tier":null,"weights":{"support":50,"usage":50},"window_days":30}"#
    )
    #expect(try decode(try encode(sample)) == sample)
}

@Test func eachSettingIsCheckedAtItsKeyBeforeTheValuesTogether() {
    var sample = Sample()
    sample.windowDays = 0
    sample.weights = ["usage": 10]
    #expect(throws: ConfigurationProblem("must be a positive number of days, got 0", at: ["window_days"])) {
        try sample.validate()
    }
    sample.windowDays = 1
    #expect(throws: ConfigurationProblem("weights sum to 10, expected 100", at: ["weights"])) { try sample.validate() }
    sample.tier = -1
    #expect(throws: ConfigurationProblem("must be a positive number of employees, got -1", at: ["tier"])) {
        try sample.validate()
    }
}
