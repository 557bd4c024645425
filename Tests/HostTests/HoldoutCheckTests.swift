import Testing

@testable import Host

@Test func theCalibratedScoreHasEverySettingButTheHorizonAsConfigured() throws {
    let yaml = #"""
        scores:
          clv:
            module: clv
            discount_rate_yearly: 0.30000000000000004
            min_repeat_accounts: 2
            band_floors:
              "Top \"tier\" / A\\B\tZoë \u0001": 1000.5
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
