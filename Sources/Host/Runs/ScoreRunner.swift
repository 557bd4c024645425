import Foundation
import ScoreKit
import Store

/// What one run did.
public struct RunSummary: Sendable {
    /// The stored run's id.
    public let runID: Int64
    /// The score's name.
    public let scoreName: String
    /// The day scored as of.
    public let asOf: Day
    /// Whether the run joined the score's current series.
    public let kind: RunKind
    /// Accounts scored.
    public let accountCount: Int
    /// Accounts per band, largest first.
    public let bandCounts: [(band: String, count: Int)]
    /// The score's warnings.
    public let warnings: [String]
}

/// Runs a named score: facts as of the day, the module's batch scoring, and the results stored as one run.
public struct ScoreRunner {
    private let database: Database

    /// Creates a runner on a connection.
    public init(database: Database) { self.database = database }

    /// Runs the score as of `asOf` and stores the run in one transaction, as `kind` (by default a backfill when the
    /// score has a current run as of a later day, else current).
    ///
    /// A run that scores no account is refused, not stored.
    public func run(_ score: NamedScore, asOf: Day, kind: RunKind? = nil) throws -> RunSummary {
        var (facts, rowIDs) = try FactLoader(database: database).load(score.facts, asOf: asOf)
        if let segment = score.segment {
            (facts, rowIDs) = try segment.restrict(facts, rowIDs: rowIDs, database: database, score: score.name)
        }
        let rowByID = Dictionary(zip(facts.accounts.map(\.id), rowIDs), uniquingKeysWith: { first, _ in first })
        let model = score.usesTrainedModel ? try ModelTrainer(database: database).latestModel(of: score) : nil
        var scored = try score.score(facts, model: model)
        if let method = score.rollup, let band = score.bandForValue {
            let revenueKey = FactKey.paidAmount(windowDays: 365)
            let revenue =
                method == .revenue ? try FactLoader(database: database).load([revenueKey], asOf: asOf).facts : nil
            let revenueByID =
                revenue.map { table in
                    Dictionary(
                        zip(table.accounts.map(\.id), table.column(revenueKey)).map { ($0, $1 ?? 0) },
                        uniquingKeysWith: { a, _ in a })
                } ?? [:]
            let known = Set(facts.accounts.map(\.id))
            let parents = try AccountDirectory(database: database).parentLinks().filter { known.contains($0.value) }
            scored = Rollup(method: method, higherIsBetter: score.higherIsBetter, band: band)
                .apply(scored, parents: parents, revenue: revenueByID)
        }
        // Bands by share of the base are set on the final values, roll-ups included.
        if let bands = score.bands { scored = bands.relabel(scored) }
        let scores = scored.sorted(by: Self.order(higherIsBetter: score.higherIsBetter))
        guard !scores.isEmpty else { throw RunError.nothingScored(score: score.name, asOf: asOf) }
        let store = ScoreRunStore(database: database)
        let kind = try kind ?? store.defaultKind(scoreName: score.name, asOf: asOf.description)
        // The writer checks each result's account itself, against the accounts as of the write (`ResultWriter`).
        let runID = try database.withoutForeignKeyChecks {
            try database.transaction { () -> Int64 in
                let runID = try store.begin(
                    scoreName: score.name, module: score.module, configHash: score.configurationHash,
                    configuration: score.canonicalConfiguration, asOf: asOf.description, kind: kind)
                let writer = try store.resultWriter(runID: runID, sharedDetails: SharedDetails.suffix(of: scores))
                try writer.addAll(scores, rowIDs: scores.map { rowByID[$0.accountID] })
                try writer.finish()
                try store.finish(runID: runID, accountCount: scores.count)
                return runID
            }
        }
        var counts: [String: Int] = [:]
        for result in scores { counts[result.band, default: 0] += 1 }
        let bandCounts = counts.sorted { $0.value == $1.value ? $0.key < $1.key : $0.value > $1.value }.map {
            ($0.key, $0.value)
        }
        return RunSummary(
            runID: runID, scoreName: score.name, asOf: asOf, kind: kind, accountCount: scores.count,
            bandCounts: bandCounts,
            warnings: score.warnings + (score.bands.map { EmptyBands.warnings(bands: $0, counts: bandCounts) } ?? []))
    }

    /// Best first: by value (descending when higher is better), then by account id, so positions are stable.
    static func order(higherIsBetter: Bool) -> (ScoredAccount, ScoredAccount) -> Bool {
        { lhs, rhs in
            if lhs.value != rhs.value { return higherIsBetter ? lhs.value > rhs.value : lhs.value < rhs.value }
            return lhs.accountID < rhs.accountID
        }
    }
}
