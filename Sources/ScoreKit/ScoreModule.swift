/// A kind of score, compiled into the binary: it receives facts and returns scores, never touching SQL or HTTP.
///
/// Operators configure named scores, each an instance of a module with its own settings.
public protocol ScoreModule: Sendable {
    /// The module's settings.
    associatedtype Configuration: ModuleConfiguration

    /// The id used in configuration (`module: value`).
    static var identifier: String { get }
    /// One line on what the module scores and for which decision.
    static var summary: String { get }
    /// What a score's value means: true when a higher value is better for the account (health), false for risk.
    static var higherIsBetter: Bool { get }
    /// Days after which a run is stale: usage-driven scores 7, transactional ones (RFM) 31 (seed 004).
    static var staleAfterDays: Int { get }
    /// The facts the module needs for a configuration.
    static func facts(for configuration: Configuration) -> [FactKey]
    /// Scores the whole batch at once (normalisation needs the whole distribution); accounts it cannot score are left
    /// out.
    static func score(_ facts: FactTable, configuration: Configuration) throws -> [ScoredAccount]
    /// Facts in, scores out: the test suite runs these for every registered module.
    static var examples: [WorkedExample<Self>] { get }
}

extension ScoreModule {
    /// Most scores rank accounts by how good they are.
    public static var higherIsBetter: Bool { true }

    /// Usage-driven by default.
    public static var staleAfterDays: Int { 7 }
}
