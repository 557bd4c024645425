import Store

/// A run as the user names it: `NAME` (the latest run), `NAME@ID` or `NAME@YYYY-MM-DD` (the latest run as of that day).
public struct RunReference: Sendable, Equatable, CustomStringConvertible {
    /// The score's name.
    public let scoreName: String
    /// What follows `@`, if anything.
    public let selector: String?

    /// Parses `NAME[@ID|@DATE]`.
    public init(_ text: String) {
        let parts = text.split(separator: "@", maxSplits: 1).map(String.init)
        scoreName = parts.first ?? ""
        selector = parts.count > 1 ? parts[1] : nil
    }

    public var description: String { selector.map { "\(scoreName)@\($0)" } ?? scoreName }

    /// The stored run this names, or a one-line error saying why there is none.
    ///
    /// With `configured` (the names in the configuration), a name that is neither configured nor ever run is answered
    /// as a likely typo.
    public func resolve(in store: ScoreRunStore, configured: [String]? = nil) throws -> ScoreRun {
        if let configured, !configured.contains(scoreName), try store.runs(of: scoreName).isEmpty {
            throw HostError.notConfigured(score: scoreName, configured: configured)
        }
        guard let selector else {
            guard let run = try store.latestRun(of: scoreName) else {
                throw HostError.noCurrentRun(score: scoreName, hasOtherRuns: try !store.runs(of: scoreName).isEmpty)
            }
            return run
        }
        if let id = Int64(selector) {
            guard let run = try store.run(id: id), run.scoreName == scoreName else {
                throw HostError.noRun(score: scoreName, id: id)
            }
            return run
        }
        guard let run = try store.latestRun(of: scoreName, asOf: selector) else {
            throw HostError.noRunAsOf(score: scoreName, day: selector)
        }
        return run
    }
}
