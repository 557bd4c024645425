import Foundation
import ScoreKit

/// What a run is for, which decides whether it joins the score's current series.
///
/// The current series, ordered by as-of day, is what `show`, `explain`, `act`, `report` and `scores` read. A run as of
/// a day before the latest current one is a backfill; runs made by `validate` and the holdout calibration are
/// validation and holdout runs. None of those three ever becomes the score's state.
public enum RunKind: String, Sendable, CaseIterable {
    case current, backfill, validation, holdout
}

/// A stored run of a named score.
public struct ScoreRun: Sendable, Equatable {
    public let id: Int64
    public let scoreName: String
    public let module: String
    public let configHash: String
    public let configuration: String
    public let asOf: String
    public let startedAt: String
    public let finishedAt: String?
    public let accountCount: Int
    public let kind: RunKind
}

/// One account's stored result in a run, with the account's own id and name.
public struct StoredResult: Sendable, Equatable {
    /// The module's result as it was stored: the account's id, the value, band, components and details.
    public let score: ScoredAccount
    public let accountName: String
    public let position: Int

    public var accountID: String { score.accountID }
    public var value: Double { score.value }
    public var band: String { score.band }
    /// Each signal's part, as the module gave them.
    public var components: [Component] { score.components }
    /// The module's named extras, in the module's order.
    public var details: [(name: String, value: DetailValue)] { score.details }

    /// Creates a result.
    public init(
        accountID: String, accountName: String, position: Int, value: Double, band: String, components: [Component],
        details: [(name: String, value: DetailValue)]
    ) {
        self.score = ScoredAccount(
            accountID: accountID, value: value, band: band, components: components, details: details)
        self.accountName = accountName
        self.position = position
    }

    /// The detail with this name, if any.
    public func detail(_ name: String) -> DetailValue? { score.detail(name) }
}

/// Writes and reads score runs.
public struct ScoreRunStore {
    private let database: Database

    /// Creates the store on a connection.
    public init(database: Database) { self.database = database }

    /// Starts a run of a kind; returns its id.
    public func begin(
        scoreName: String, module: String, configHash: String, configuration: String, asOf: String, kind: RunKind
    ) throws -> Int64 {
        try database.makeStatement(
            """
            INSERT INTO score_runs (score_name, module, config_hash, configuration, as_of, started_at, kind)
            VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id
            """
        ).map([
            .text(scoreName), .text(module), .text(configHash), .text(configuration), .text(asOf), .text(Self.now()),
            .text(kind.rawValue),
        ]) { $0.integer(0) }[0]
    }

    /// The kind a new run as of `asOf` gets when none is asked for: a backfill when the score has a current run as of
    /// a later day, else current.
    public func defaultKind(scoreName: String, asOf: String) throws -> RunKind {
        let later =
            try database.makeStatement(
                "SELECT 1 FROM score_runs WHERE score_name = ? AND kind = 'current' AND finished_at IS NOT NULL "
                    + "AND as_of > ? LIMIT 1"
            ).map([.text(scoreName), .text(asOf)]) { _ in true }.first ?? false
        return later ? .backfill : .current
    }

    /// Stores one account's result; `components` and `details` are JSON as UTF-8 bytes, the components in `layout`
    /// (see `CompactComponents`).
    ///
    /// Measured on M (92k results of rfm): the objects' keys were about half of the bytes a run wrote, each written
    /// twice (the WAL, then its checkpoint); with positional arrays the COMMIT went from 16% of the run's CPU samples
    /// to 6%, and the run's peak memory from 257 MB to 210 MB.
    func insertResult(
        runID: Int64, accountRowID: Int64, position: Int, value: Double, band: String, components: [UInt8],
        layout: Int64, details: [UInt8]
    ) throws {
        let statement = try database.cachedStatement(
            """
            INSERT INTO score_results
                (run_id, account_id, position, value, band, components, details, components_layout)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        try statement.bind([
            .integer(runID), .integer(accountRowID), .integer(Int64(position)), .real(value), .text(band),
        ])
        try statement.bind(utf8: components, at: 6)
        try statement.bind(utf8: details, at: 7)
        try statement.bind(.integer(layout), at: 8)
        try statement.step()
    }

    /// Stores what a run's results share of their components (their signals, weights and manual flags).
    ///
    /// Measured on M (81k results of credit, seven components each): the names and weights were about two thirds of
    /// the components' bytes.
    func setComponentTemplate(runID: Int64, _ components: [Component]) throws {
        var writer = JSONWriter()
        writer.componentTemplate(components)
        try setRunJSON(.componentTemplate, writer.bytes, runID: runID)
    }

    /// The columns of a run's row that hold what its results share, as JSON.
    private enum SharedColumn: String {
        case componentTemplate = "component_template"
        case sharedDetails = "shared_details"
    }

    /// Stores `json` in `column` of run `runID`'s row.
    private func setRunJSON(_ column: SharedColumn, _ json: [UInt8], runID: Int64) throws {
        let statement = try database.cachedStatement("UPDATE score_runs SET \(column.rawValue) = ? WHERE id = ?")
        try statement.bind(utf8: json, at: 1)
        try statement.bind(.integer(runID), at: 2)
        try statement.step()
    }

    /// A writer of the results of run `runID`, the fastest way the engine has.
    ///
    /// The details every result ends with (`SharedDetails.suffix(of:)`) are stored once, on the run. Call it in the
    /// transaction that writes the results: it reads the accounts they may belong to.
    public func resultWriter(
        runID: Int64, sharedDetails: [(name: String, value: DetailValue)] = []
    ) throws -> ResultWriter {
        if !sharedDetails.isEmpty {
            var writer = JSONWriter()
            writer.details(sharedDetails)
            try setRunJSON(.sharedDetails, writer.bytes, runID: runID)
        }
        let accounts = Set(try database.makeStatement("SELECT id FROM accounts").map { $0.integer(0) })
        return ResultWriter(
            store: self, database: database, runID: runID, sharedDetails: sharedDetails, accounts: accounts)
    }

    /// Marks a run finished with its account count.
    public func finish(runID: Int64, accountCount: Int) throws {
        try database.makeStatement("UPDATE score_runs SET finished_at = ?, account_count = ? WHERE id = ?")
            .run([.text(Self.now()), .integer(Int64(accountCount)), .integer(runID)])
    }

    /// The score's state: its current run as of the latest day (the latest stored of that day), if any.
    public func latestRun(of scoreName: String) throws -> ScoreRun? {
        try currentRuns(of: scoreName, limit: 1).first
    }

    /// The score's current series, latest as-of day first (the latest stored first within a day).
    public func currentRuns(of scoreName: String, limit: Int? = nil) throws -> [ScoreRun] {
        let order = "score_name = ? AND kind = 'current' AND finished_at IS NOT NULL ORDER BY as_of DESC, id DESC"
        guard let limit else { return try runs(where: order, [.text(scoreName)]) }
        return try runs(where: order + " LIMIT ?", [.text(scoreName), .integer(Int64(limit))])
    }

    /// A run by id.
    public func run(id: Int64) throws -> ScoreRun? {
        try runs(where: "id = ?", [.integer(id)]).first
    }

    /// Finished runs, newest first, of one score or all.
    public func runs(of scoreName: String? = nil) throws -> [ScoreRun] {
        if let scoreName {
            return try runs(where: "score_name = ? AND finished_at IS NOT NULL ORDER BY id DESC", [.text(scoreName)])
        }
        return try runs(where: "finished_at IS NOT NULL ORDER BY id DESC", [])
    }

    /// A run's results in position order (best first), optionally one band, and `limit` of them after `offset`.
    public func results(
        runID: Int64, band: String? = nil, accountID: String? = nil, limit: Int? = nil, offset: Int = 0
    ) throws -> [StoredResult] {
        var sql = """
            SELECT a.external_id, coalesce(a.name, a.external_id), r.position, r.value, r.band,
                r.components, r.details, r.components_layout
            FROM score_results r JOIN accounts a ON a.id = r.account_id WHERE r.run_id = ?
            """
        var values: [SQLValue] = [.integer(runID)]
        if let band {
            sql += " AND r.band = ?"
            values.append(.text(band))
        }
        if let accountID {
            sql += " AND a.external_id = ?"
            values.append(.text(accountID))
        }
        sql += " ORDER BY r.position"
        if let limit {
            sql += " LIMIT ? OFFSET ?"
            values += [.integer(Int64(limit)), .integer(Int64(offset))]
        }
        let (template, shared) = try sharedParts(runID: runID)
        return try database.makeStatement(sql).map(values) { row in
            let accountID = row.text(0) ?? ""
            let layout = row.integer(7)
            guard let components = CompactComponents.read(row.text(5) ?? "[]", layout: layout, template: template),
                let details = StoredDetails.read(row.text(6) ?? "{}").map({ $0 + shared })
            else {
                throw StoreError(
                    engine: database.engine, message: "the components or details are not JSON in layout \(layout)",
                    context: "reading the result of account \(accountID) in run \(runID)")
            }
            return StoredResult(
                accountID: accountID, accountName: row.text(1) ?? "", position: Int(row.integer(2)),
                value: row.double(3), band: row.text(4) ?? "", components: components, details: details)
        }
    }

    /// What a run's results share: of their components (empty for a run stored without a template), and the details
    /// they end with.
    private func sharedParts(
        runID: Int64
    ) throws -> (template: [Component], details: [(name: String, value: DetailValue)]) {
        let texts = try database.makeStatement(
            "SELECT component_template, shared_details FROM score_runs WHERE id = ?"
        ).map([.integer(runID)]) { ($0.text(0), $0.text(1)) }.first
        /// A column's text read by `read`; none when the run has none.
        func decoded<Value>(_ text: String?, _ read: (String) -> Value?, _ problem: String) throws -> Value? {
            guard let text else { return nil }
            guard let value = read(text) else {
                throw StoreError(engine: database.engine, message: problem, context: "reading run \(runID)")
            }
            return value
        }
        let template = try decoded(
            texts?.0, CompactComponents.template, "the component template is not JSON in its layout")
        let details = try decoded(texts?.1, StoredDetails.read, "the shared details are not a JSON object")
        return (template ?? [], details ?? [])
    }

    /// A run's accounts with name, value, band and position only: what comparisons need, without the components.
    public func values(
        runID: Int64
    ) throws -> [(accountID: String, value: Double, band: String, position: Int, accountName: String)] {
        try database.makeStatement(
            """
            SELECT a.external_id, r.value, r.band, r.position, coalesce(a.name, a.external_id)
            FROM score_results r JOIN accounts a ON a.id = r.account_id
            WHERE r.run_id = ? ORDER BY r.position
            """
        ).map([.integer(runID)]) {
            (($0.text(0) ?? ""), $0.double(1), ($0.text(2) ?? ""), Int($0.integer(3)), ($0.text(4) ?? ""))
        }
    }

    /// The run of a score as of a day: a current or backfill run before a validation or holdout one, the latest stored
    /// first; `kinds` limits the choice.
    public func latestRun(of scoreName: String, asOf day: String, kinds: [RunKind] = RunKind.allCases) throws
        -> ScoreRun?
    {
        try runs(
            where: """
                score_name = ? AND as_of = ? AND finished_at IS NOT NULL AND kind IN (SELECT value FROM json_each(?))
                ORDER BY kind IN ('current', 'backfill') DESC, id DESC LIMIT 1
                """,
            [.text(scoreName), .text(day), .jsonArray(kinds.map(\.rawValue))]
        ).first
    }

    /// Deletes all but the newest `keep` runs of a score (their results go with them); returns the runs deleted.
    public func prune(scoreName: String, keep: Int) throws -> Int {
        // The results first: on PostgreSQL they have no foreign key to cascade from (see `PostgresSchema`).
        let older =
            "SELECT id FROM score_runs WHERE score_name = ? AND id NOT IN"
            + " (SELECT id FROM score_runs WHERE score_name = ? ORDER BY id DESC LIMIT ?)"
        let values: [SQLValue] = [.text(scoreName), .text(scoreName), .integer(Int64(keep))]
        return try database.transaction {
            try database.makeStatement("DELETE FROM score_results WHERE run_id IN (\(older))").run(values)
            return try database.makeStatement("DELETE FROM score_runs WHERE id IN (\(older))").run(values)
        }
    }

    /// Counts per band in a run, largest first.
    public func bandCounts(runID: Int64) throws -> [(band: String, count: Int)] {
        try database.makeStatement(
            "SELECT band, count(*) FROM score_results WHERE run_id = ? GROUP BY band ORDER BY count(*) DESC, band"
        )
        .map([.integer(runID)]) { ($0.text(0) ?? "", Int($0.integer(1))) }
    }

    private func runs(where clause: String, _ values: [SQLValue]) throws -> [ScoreRun] {
        try database.makeStatement(
            """
            SELECT id, score_name, module, config_hash, configuration, as_of, started_at, finished_at, account_count,
                kind
            FROM score_runs WHERE \(clause)
            """
        ).map(values) { row in
            ScoreRun(
                id: row.integer(0), scoreName: row.text(1) ?? "", module: row.text(2) ?? "",
                configHash: row.text(3) ?? "",
                configuration: row.text(4) ?? "", asOf: row.text(5) ?? "", startedAt: row.text(6) ?? "",
                finishedAt: row.text(7), accountCount: Int(row.integer(8)),
                kind: RunKind(rawValue: row.text(9) ?? "") ?? .current)
        }
    }

    /// Now, as an ISO 8601 timestamp with milliseconds (one formatter, made once: making them is expensive).
    public static func now() -> String {
        timestampLock.lock()
        defer { timestampLock.unlock() }
        return timestampFormatter.string(from: Date())
    }

    private static let timestampLock = NSLock()
    nonisolated(unsafe) private static let timestampFormatter: ISO8601DateFormatter = {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter
    }()
}
