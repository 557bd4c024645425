import ScoreKit

/// A run's results, written as they come: on SQLite by the prepared insert, one call each; on PostgreSQL gathered and
/// sent with `COPY` every `batchSize` results, so a run of 100k accounts is a few round trips, not 100k.
public final class ResultWriter {
    /// How many results PostgreSQL gets per `COPY`.
    public static let batchSize = 10_000

    private let store: ScoreRunStore
    private let database: Database
    private let runID: Int64
    private var rows = CopyRows()
    private var components = JSONWriter()
    private var details = JSONWriter()
    /// The signals, weights and manual flags of the run's first result, which the others are stored against.
    private var template: [Component]?
    /// The details every result ends with, stored on the run (`SharedDetails`).
    private let sharedDetails: [(name: String, value: DetailValue)]
    /// The accounts' row ids, which each result's account must be one of: the check a foreign key would make, on both
    /// engines (PostgreSQL's results have no foreign keys, and SQLite's writer can go without its checks).
    private let accounts: Set<Int64>

    init(
        store: ScoreRunStore, database: Database, runID: Int64, sharedDetails: [(name: String, value: DetailValue)],
        accounts: Set<Int64>
    ) {
        self.store = store
        self.database = database
        self.runID = runID
        self.sharedDetails = sharedDetails
        self.accounts = accounts
    }

    /// Stores one account's result (see `ScoreRunStore.insertResult` for how it is laid out); its account must exist
    /// and its details end with the run's shared details.
    public func add(
        accountRowID: Int64, position: Int, value: Double, band: String, components: [Component],
        details: [(name: String, value: DetailValue)]
    ) throws {
        guard accounts.contains(accountRowID) else {
            throw StoreError(
                engine: database.engine, message: "no account has row id \(accountRowID)",
                context: "storing the result at position \(position) of run \(runID)")
        }
        guard let own = SharedDetails.ownCount(of: details, shared: sharedDetails) else {
            throw StoreError(
                engine: database.engine, message: "the result's details do not end with the run's shared details",
                context: "storing the result at position \(position) of run \(runID)")
        }
        if template == nil {
            template = components
            try store.setComponentTemplate(runID: runID, components)
        }
        self.components.reset()
        let layout: Int64
        if let template, CompactComponents.matches(components, template) {
            let derived = CompactComponents.contributionsFollow(components)
            self.components.componentValues(components, contributions: !derived)
            layout = derived ? CompactComponents.derived : CompactComponents.templated
        } else {
            self.components.components(components, keyed: false)
            layout = CompactComponents.positional
        }
        self.details.reset()
        self.details.details(details[..<own])
        guard database.engine == .postgres else {
            return try store.insertResult(
                runID: runID, accountRowID: accountRowID, position: position, value: value, band: band,
                components: self.components.bytes, layout: layout, details: self.details.bytes)
        }
        rows.append(.integer(runID))
        rows.append(.integer(accountRowID))
        rows.append(.integer(Int64(position)))
        rows.append(.real(value))
        rows.append(.text(band))
        rows.append(utf8: self.components.bytes)
        rows.append(utf8: self.details.bytes)
        rows.append(.integer(layout))
        rows.endRow()
        if rows.count >= Self.batchSize { try flush() }
    }

    /// Sends what is gathered; call it before the run is finished.
    public func finish() throws {
        try flush()
    }

    private func flush() throws {
        guard rows.count > 0 else { return }
        _ = try database.copy(
            into: "score_results",
            columns: [
                "run_id", "account_id", "position", "value", "band", "components", "details", "components_layout",
            ],
            rows: rows)
        rows.removeAll()
    }
}
