/// A module's worked example: a configuration and facts in, the expected scores out.
///
/// Like a lint rule's triggering examples, one test runs every example of every registered module.
public struct WorkedExample<Module: ScoreModule>: Sendable {
    /// What the example shows, and where it comes from (a seed article).
    public let name: String
    /// The configuration to score with.
    public let configuration: Module.Configuration
    /// The facts.
    public let facts: FactTable
    /// The expected results, per account.
    public let expected: [Expectation]

    /// Creates an example.
    public init(name: String, configuration: Module.Configuration, facts: FactTable, expected: [Expectation]) {
        self.name = name
        self.configuration = configuration
        self.facts = facts
        self.expected = expected
    }

    /// Scores the facts and lists every difference from the expectations; empty when the example holds.
    public func mismatches() -> [String] {
        let scores: [ScoredAccount]
        do {
            try configuration.validate()
            scores = try Module.score(facts, configuration: configuration)
        } catch {
            return ["\(name): \(error)"]
        }
        let byID = Dictionary(scores.map { ($0.accountID, $0) }, uniquingKeysWith: { first, _ in first })
        var problems: [String] = []
        for expectation in expected {
            guard expectation.isScored else {
                if byID[expectation.accountID] != nil {
                    problems.append("\(name): \(expectation.accountID) was scored, expected to be left out")
                }
                continue
            }
            guard let score = byID[expectation.accountID] else {
                problems.append("\(name): \(expectation.accountID) was not scored")
                continue
            }
            problems += expectation.differences(from: score).map { "\(name): \(expectation.accountID): \($0)" }
            let sum = score.components.total
            if abs(sum - score.value) > 1e-9 {
                problems.append(
                    "\(name): \(expectation.accountID): contributions sum to \(sum), score is \(score.value)")
            }
        }
        return problems
    }
}

/// What one account's score should be in a worked example.
public struct Expectation: Sendable {
    /// The account's id.
    public let accountID: String
    /// The expected value, if the example fixes it.
    public let value: Double?
    /// How far the value may be off.
    public let tolerance: Double
    /// The expected band, if the example fixes it.
    public let band: String?
    /// Details that must match exactly.
    public let details: [(name: String, value: DetailValue)]
    /// False when the account must be left out of the scores (outside the module's scored base).
    public let isScored: Bool

    /// Creates an expectation.
    public init(
        _ accountID: String, value: Double? = nil, tolerance: Double = 1e-9, band: String? = nil,
        details: [(name: String, value: DetailValue)] = []
    ) {
        self.accountID = accountID
        self.value = value
        self.tolerance = tolerance
        self.band = band
        self.details = details
        self.isScored = true
    }

    /// An account the module must leave out, such as one with no MRR left for a churn score.
    public static func notScored(_ accountID: String) -> Expectation {
        Expectation(accountID: accountID)
    }

    private init(accountID: String) {
        self.accountID = accountID
        self.value = nil
        self.tolerance = 0
        self.band = nil
        self.details = []
        self.isScored = false
    }

    func differences(from score: ScoredAccount) -> [String] {
        var differences: [String] = []
        if let value, abs(value - score.value) > tolerance {
            differences.append("score \(score.value), expected \(value)")
        }
        if let band, band != score.band {
            differences.append("band \(score.band), expected \(band)")
        }
        for (name, value) in details where score.detail(name) != value {
            differences.append(
                "\(name) \(score.detail(name).map(String.init(describing:)) ?? "missing"), expected \(value)")
        }
        return differences
    }
}
