import Testing

@testable import Host

/// Settings as a configuration may hold them: quotes, backslashes, control characters, YAML's line breaks and the
/// characters it does not allow in a file unescaped, 17 significant digits.
@Test func theCalibratedScoreHasEverySettingButTheHorizonAsConfigured() throws {
    let yaml = #"""
        scores:
          clv:
            module: clv
            discount_rate_yearly: 0.30000000000000004
            min_repeat_accounts: 2
            band_floors:
              "Top \"tier\" / A\\B\tZoë \u0001": 1000.5
              "Line\u2028separated, paragraph\u2029separated": 0.1
              "Next\u0085line": 100
              "delete \x7F, C1 \x90, BOM \uFEFF, not characters \uFFFE \uFFFF": 10
              Low: 0
        """#
    let score = try ScorebookConfiguration.parse(yaml: yaml, file: "t.yml").score(named: "clv")
    let calibrated = try HoldoutCheck.score(score, horizonDays: 30, file: "t.yml")
    let horizon = #""horizon_days":90"#
    #expect(score.canonicalConfiguration.contains(horizon))
    #expect(
        calibrated.canonicalConfiguration
            == score.canonicalConfiguration.replacingOccurrences(of: horizon, with: #""horizon_days":30"#))
}

/// The check scores the accounts the score does: its `where:` filter goes with it (it was dropped, and the check
/// compared every account's purchases).
@Test func theCalibratedScoreKeepsTheWhereFilter() throws {
    let yaml = """
        scores:
          clv:
            module: clv
            where:
              industry: software
        """
    let score = try ScorebookConfiguration.parse(yaml: yaml, file: "t.yml").score(named: "clv")
    let calibrated = try HoldoutCheck.score(score, horizonDays: 30, file: "t.yml")
    #expect(score.segment != nil)
    #expect(calibrated.segment?.description == score.segment?.description)
    #expect(calibrated.configurationHash != score.configurationHash)  // the horizon differs
    var unfiltered = calibrated
    unfiltered.segment = nil
    #expect(unfiltered.configurationHash != calibrated.configurationHash)
}
