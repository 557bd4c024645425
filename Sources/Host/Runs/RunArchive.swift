import Store

/// The stored runs of a database as commands read them: a run the user names, its results, an account's result.
///
/// Nothing here recomputes a score; `validationRun(of:asOf:)` is the one method that may run one, and says so.
public struct RunArchive {
    let database: Database
    let store: ScoreRunStore
    /// The configured score names, to answer a mistyped one; nil when the configuration is not at hand.
    let configured: [String]?

    /// The runs stored in `database`; `configured` names the configured scores, to answer a mistyped name.
    public init(database: Database, configured: [String]? = nil) {
        self.database = database
        self.store = ScoreRunStore(database: database)
        self.configured = configured
    }

    /// The run a command refers to: `--run ID` (`id`) wins, else the reference (`NAME`, `NAME@ID`, `NAME@DATE`).
    public func run(_ reference: String, id: Int64? = nil) throws -> ScoreRun {
        let reference = RunReference(reference)
        if let id { return try RunReference("\(reference.scoreName)@\(id)").resolve(in: store, configured: configured) }
        return try reference.resolve(in: store, configured: configured)
    }

    /// The run with this id, if it is stored.
    public func run(id: Int64) throws -> ScoreRun? {
        try store.run(id: id)
    }

    /// A run's results in position order (best first), optionally of one band and at most `limit` of them.
    public func results(of run: ScoreRun, band: String? = nil, limit: Int? = nil) throws -> [StoredResult] {
        try store.results(runID: run.id, band: band, limit: limit)
    }

    /// One account's result in a run; an error saying so when the run did not score it.
    public func result(of account: String, in run: ScoreRun) throws -> StoredResult {
        guard let result = try store.results(runID: run.id, accountID: account).first else {
            throw HostError.accountNotInRun(account: account, runID: run.id, score: run.scoreName, asOf: run.asOf)
        }
        return result
    }

    /// The stored run ids of a score, newest first (none for an unknown score).
    public func runIDs(of name: String) throws -> [Int64] {
        try store.runs(of: name).map(\.id).sorted(by: >)
    }
}
