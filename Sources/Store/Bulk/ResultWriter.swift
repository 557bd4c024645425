import Foundation
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
        try setTemplate(components)
        try insert(
            try encode(
                accountRowID: accountRowID, position: position, value: value, band: band, components: components,
                details: details))
    }

    /// Stores a run's results in order, each at its place in `results` (from 1), leaving out those whose row id is nil.
    ///
    /// Each is checked and encoded on a second thread while the ones before are inserted: encoding was a third of
    /// writing a health run's 66k results on M, on one core while the other waited. A result that fails its checks
    /// fails the call after the ones before it are inserted, as `add` would.
    public func addAll(_ results: [ScoredAccount], rowIDs: [Int64?]) throws {
        precondition(results.count == rowIDs.count, "one row id per result")
        guard let first = zip(results, rowIDs).first(where: { $0.1 != nil }) else { return }
        try setTemplate(first.0.components)
        let handoff = ResultHandoff<Encoded>(limit: Self.encodedAhead)
        let encoder = Thread { [self] in
            do {
                for (index, (result, rowID)) in zip(results, rowIDs).enumerated() {
                    guard let rowID else { continue }
                    let encoded = try encode(
                        accountRowID: rowID, position: index + 1, value: result.value, band: result.band,
                        components: result.components, details: result.details)
                    guard handoff.put(encoded) else { break }
                }
                handoff.end()
            } catch {
                handoff.end(failing: error)
            }
        }
        encoder.start()
        defer { handoff.cancelAndWait() }
        while case let encoded = try handoff.take(), !encoded.isEmpty {
            for result in encoded { try insert(result) }
        }
    }

    /// How many encoded results may wait for their insert.
    static let encodedAhead = 1_024

    /// One result checked and encoded, ready to insert.
    private struct Encoded {
        let accountRowID: Int64
        let position: Int
        let value: Double
        let band: String
        let components: [UInt8]
        let layout: Int64
        let details: [UInt8]
    }

    /// Keeps the first result's signals, weights and manual flags as the run's template, which the others are stored
    /// against.
    private func setTemplate(_ components: [Component]) throws {
        guard template == nil else { return }
        template = components
        try store.setComponentTemplate(runID: runID, components)
    }

    /// Checks a result and encodes its components and details; reads only what is fixed once the template is set.
    private func encode(
        accountRowID: Int64, position: Int, value: Double, band: String, components: [Component],
        details: [(name: String, value: DetailValue)]
    ) throws -> Encoded {
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
        var componentsJSON = JSONWriter()
        let layout: Int64
        if let template, CompactComponents.matches(components, template) {
            let derived = CompactComponents.contributionsFollow(components)
            componentsJSON.componentValues(components, contributions: !derived)
            layout = derived ? CompactComponents.derived : CompactComponents.templated
        } else {
            componentsJSON.components(components, keyed: false)
            layout = CompactComponents.positional
        }
        var detailsJSON = JSONWriter()
        detailsJSON.details(details[..<own])
        return Encoded(
            accountRowID: accountRowID, position: position, value: value, band: band, components: componentsJSON.bytes,
            layout: layout, details: detailsJSON.bytes)
    }

    /// Inserts one encoded result, or gathers it for the next `COPY` on PostgreSQL.
    private func insert(_ result: Encoded) throws {
        guard database.engine == .postgres else {
            return try store.insertResult(
                runID: runID, accountRowID: result.accountRowID, position: result.position, value: result.value,
                band: result.band, components: result.components, layout: result.layout, details: result.details)
        }
        rows.append(.integer(runID))
        rows.append(.integer(result.accountRowID))
        rows.append(.integer(Int64(result.position)))
        rows.append(.real(result.value))
        rows.append(.text(result.band))
        rows.append(utf8: result.components)
        rows.append(utf8: result.details)
        rows.append(.integer(result.layout))
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
