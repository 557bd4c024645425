import ScoreKit

extension AccountConfiguration: DirectedConfiguration {
    /// The journeys in force: the standard ones, with those the configuration names added or replacing them.
    public var effectiveJourneys: [String: Journey] {
        StandardJourneys.all.merging(journeys ?? [:]) { _, configured in configured }
    }

    /// The journey the score scores; nil for the groups (or a journey name no journey has, which `validate` refuses).
    public var selectedJourney: Journey? { journey.flatMap { effectiveJourneys[$0] } }

    /// False for a risk journey (attrition), whose higher scores are nearer the loss.
    public var higherIsBetter: Bool { !(selectedJourney?.isRisk ?? false) }

    /// Checks the journey settings: a journey named, known and not mixed with group weights, and every configured
    /// journey at every level.
    func validateJourneys() throws {
        for (name, configured) in (journeys ?? [:]).sorted(by: { $0.key < $1.key }) {
            try JourneyName.check(name, kind: "journey", at: ["journeys", name])
            try configured.validate(name: name, at: ["journeys", name])
        }
        guard let journey else {
            if journeys != nil {
                throw ConfigurationProblem(
                    "journeys are scored one per score: name the one this score scores with journey:", at: ["journeys"])
            }
            return
        }
        let known = effectiveJourneys.keys.sorted()
        guard selectedJourney != nil else {
            throw ConfigurationProblem(
                "unknown journey \"\(journey)\" (known: \(known.joined(separator: ", ")))", at: ["journey"])
        }
        for (key, given) in [("groups", groups != nil), ("weights", weights != nil)] where given {
            throw ConfigurationProblem(
                "\(key) weigh the fit, intent and engagement groups; a journey score weighs its touchpoints "
                    + "under journeys.\(journey)", at: [key])
        }
    }
}
