import AccountScore
import Foundation
import ScoreKit
import Testing

@testable import Host

/// An expansion score whose `journeys.expansion` is the given lines (its `touchpoints:` and what is under it).
private func expansion(_ journey: String) -> String {
    """
    scores:
      expansion:
        module: account
        journey: expansion
        journeys:
          expansion:
    \(journey)
    """
}

private let signalNames = TouchpointSignal.allCases.map(\.rawValue).joined(separator: ", ")

/// Each level of a journey checked on its own, the journey and touchpoint named in the one line refused.
private let journeyCases: [ConfigCase] = [
    ConfigCase(
        id: "touchpoint weights that do not sum to 100",
        yaml: expansion(
            """
                    touchpoints:
                      adoption: {weight: 60, signals: {product_activity: 100}}
                      fit: {weight: 30, signals: {revenue_icp: 100}}
            """),
        message: #"test.yml:7: score "expansion": journeys.expansion.touchpoints sum to 90, expected 100"#),
    ConfigCase(
        id: "signal weights in a touchpoint that do not sum to 100",
        yaml: expansion(
            """
                    touchpoints:
                      adoption: {weight: 70, signals: {product_activity: 70, breadth: 20}}
                      fit: {weight: 30, signals: {revenue_icp: 100}}
            """),
        message:
            #"test.yml:8: score "expansion": journeys.expansion.touchpoints.adoption.signals sum to 90, expected 100"#
    ),
    ConfigCase(
        id: "a touchpoint weight out of range",
        yaml: expansion(
            """
                    touchpoints:
                      adoption: {weight: -10, signals: {product_activity: 100}}
                      fit: {weight: 110, signals: {revenue_icp: 100}}
            """),
        message:
            #"test.yml:8: score "expansion": touchpoint adoption of journey expansion: weight must be 0-100, got -10"#
    ),
    ConfigCase(
        id: "a signal weight out of range",
        yaml: expansion(
            """
                    touchpoints:
                      adoption: {weight: 100, signals: {product_activity: 150, breadth: -50}}
            """),
        message:
            #"test.yml:8: score "expansion": signal breadth in touchpoint adoption of journey expansion: "#
            + "weight must be 0-100, got -50"
    ),
    ConfigCase(
        id: "an unknown signal in a touchpoint",
        yaml: expansion(
            """
                    touchpoints:
                      adoption: {weight: 100, signals: {web_visits: 100}}
            """),
        message:
            #"test.yml:8: score "expansion": unknown signal "web_visits" in touchpoint adoption of journey expansion "#
            + "(known: \(signalNames))"),
    ConfigCase(
        id: "one signal in two touchpoints of a journey",
        yaml: expansion(
            """
                    touchpoints:
                      adoption: {weight: 50, signals: {committee: 100}}
                      relationship: {weight: 50, signals: {committee: 100}}
            """),
        message:
            #"test.yml:9: score "expansion": signal committee is in touchpoints adoption and relationship of journey "#
            + "expansion; give each field or metric to one touchpoint"),
    ConfigCase(
        id: "a misspelt touchpoint key",
        yaml: expansion(
            """
                    touchpoints:
                      adoption: {wieght: 100, signals: {committee: 100}}
            """),
        message:
            #"test.yml:8: score "expansion": unknown key "wieght" in journeys.expansion.touchpoints.adoption "#
            + "(known: weight, signals)"),
    ConfigCase(
        id: "a touchpoint name with a space",
        yaml: expansion(
            """
                    touchpoints:
                      hand raisers: {weight: 100, signals: {open_pipeline: 100}}
            """),
        message:
            #"test.yml:8: score "expansion": touchpoint name "hand raisers" must be a lowercase letter followed by "#
            + "a-z, 0-9 or _"),
    ConfigCase(
        id: "a journey the configuration does not have",
        yaml: "scores:\n  x:\n    module: account\n    journey: onboarding\n",
        message: #"test.yml:4: score "x": unknown journey "onboarding" (known: attrition, expansion)"#),
    ConfigCase(
        id: "journeys without the journey to score",
        yaml: """
            scores:
              x:
                module: account
                journeys:
                  expansion:
                    touchpoints: {fit: {weight: 100, signals: {revenue_icp: 100}}}
            """,
        message:
            #"test.yml:4: score "x": journeys are scored one per score: name the one this score scores with journey:"#),
    ConfigCase(
        id: "group weights on a journey score",
        yaml: "scores:\n  x:\n    module: account\n    journey: attrition\n    groups: {fit: 100}\n",
        message:
            #"test.yml:5: score "x": groups weigh the fit, intent and engagement groups; a journey score weighs its "#
            + "touchpoints under journeys.attrition"),
]

@Test(arguments: journeyCases)
func aJourneyIsCheckedAtEachLevel(_ configCase: ConfigCase) {
    #expect {
        try ScorebookConfiguration.parse(yaml: configCase.yaml, file: "test.yml")
    } throws: { error in
        let text = "\(error)"
        if text != configCase.message { Issue.record("got: \(text)") }
        return text == configCase.message
    }
}

@Test func theStandardJourneysSumTo100AtEveryLevel() throws {
    for name in StandardJourneys.all.keys.sorted() {
        var configuration = AccountConfiguration()
        configuration.journey = name
        configuration.journeys = StandardJourneys.all  // configured journeys are checked level by level
        try configuration.validate()
        #expect(abs(configuration.signals.reduce(0) { $0 + $1.share } - 100) < 1e-9, "\(name)")
        #expect(configuration.signals.count <= SignalLimits.maximumSignals, "\(name)")
        #expect(configuration.signals.allSatisfy { $0.name.hasPrefix(name + ".") }, "\(name)")
    }
}

/// An attrition score is a risk: the host orders, rolls up and validates it as one; expansion is not.
///
/// Each reads only the facts of its own journey.
@Test func aRiskJourneyPointsTheOtherWay() throws {
    let configuration = try ScorebookConfiguration.parse(
        yaml: """
            scores:
              expansion: {module: account, journey: expansion}
              attrition: {module: account, journey: attrition}
            """, file: "t")
    let expansion = try configuration.score(named: "expansion")
    let attrition = try configuration.score(named: "attrition")
    #expect(expansion.higherIsBetter && !attrition.higherIsBetter)
    #expect(attrition.bands?.isShareOfBase == true && attrition.bands?.labels == ["High", "Medium", "Low"])
    #expect(expansion.facts.contains(.openDealAmount) && !attrition.facts.contains(.openDealAmount))
    #expect(attrition.facts.contains(.knownContacts) && !expansion.facts.contains(.unresolvedTickets))
}
