import Foundation
import Store

/// A stream a reconciliation checks: the rows of one canonical table a source wrote, and how a row whose record the
/// source no longer lists is retired, the way the incremental syncs retire the records the source says it deleted.
///
/// Accounts are kept and marked deleted (rows elsewhere refer to them); contacts, deals and tickets are removed, as
/// archived or deleted ones are; an invoice keeps its row with status `deleted`, as Chargebee's deleted invoices do;
/// a subscription's MRR changes (`ID:start`, `ID:end`) are removed together, as a deleted Chargebee subscription's are.
struct ReconciledStream: Sendable {
    /// How a row the source no longer lists is retired.
    enum Retirement: Sendable {
        case markDeleted
        case remove
        case markInvoiceDeleted
        case removeSubscription
    }

    /// The stream's name; its sync log rows are `<name>_reconciled`.
    let name: String
    /// The table its rows are in.
    let table: CanonicalTable
    /// What happens to a row the source no longer lists.
    let retirement: Retirement

    static let accounts = ReconciledStream(name: "accounts", table: .accounts, retirement: .markDeleted)
    static let contacts = ReconciledStream(name: "contacts", table: .contacts, retirement: .remove)
    static let deals = ReconciledStream(name: "deals", table: .deals, retirement: .remove)
    static let tickets = ReconciledStream(name: "tickets", table: .tickets, retirement: .remove)
    static let opportunities = ReconciledStream(name: "opportunities", table: .deals, retirement: .remove)
    static let cases = ReconciledStream(name: "cases", table: .tickets, retirement: .remove)
    static let invoices = ReconciledStream(name: "invoices", table: .invoices, retirement: .markInvoiceDeleted)
    static let subscriptions = ReconciledStream(
        name: "subscriptions", table: .mrrChanges, retirement: .removeSubscription)

    /// The stream's name in the sync log.
    var logStream: String { name + "_reconciled" }

    /// The ids of the source's records the database holds as live (a subscription's id without `:start`/`:end`).
    func liveIDs(_ database: Database, source: String) throws -> Set<String> {
        switch retirement {
        case .markDeleted: return try AccountDirectory(database: database).liveExternalIDs(source: source)
        case .remove: return try SourceRows(database: database).externalIDs(table, source: source)
        case .markInvoiceDeleted:
            return try SourceRows(database: database).externalIDs(table, source: source, excludingStatus: "deleted")
        case .removeSubscription:
            return Set(
                try SourceRows(database: database).externalIDs(table, source: source).compactMap { id in
                    id.hasSuffix(":start") || id.hasSuffix(":end")
                        ? String(id[..<(id.lastIndex(of: ":") ?? id.endIndex)]) : nil
                })
        }
    }

    /// Retires the row of a record the source no longer lists; true when anything changed.
    func retire(_ id: String, _ database: Database, source: String, at timestamp: String) throws -> Bool {
        let identity = IdentityStore(database: database)
        switch retirement {
        case .markDeleted: return try identity.markDeleted(table, source: source, externalID: id, at: timestamp)
        case .remove: return try identity.remove(table, source: source, externalID: id)
        case .markInvoiceDeleted:
            return try SourceRows(database: database).setStatus("deleted", table, source: source, externalID: id)
        case .removeSubscription:
            let start = try identity.remove(table, source: source, externalID: id + ":start")
            let end = try identity.remove(table, source: source, externalID: id + ":end")
            return start || end
        }
    }

    /// What a source listed of one stream: every id it still has, the pages it took, and what the listing cost.
    struct Listing {
        let stream: ReconciledStream
        let ids: Set<String>
        let pages: Int
        let milliseconds: Int
        let retries: Int

        /// Lists a stream through `collect` (an `IDListing`), timing it and counting the context's retries.
        static func of(
            _ stream: ReconciledStream, context: SyncContext, collect: () throws -> (ids: Set<String>, pages: Int)
        ) throws -> Listing {
            let started = Date()
            let retriesBefore = context.retries
            context.progress("\(context.settings.name): reconciling \(stream.name)")
            let (ids, pages) = try collect()
            return Listing(
                stream: stream, ids: ids, pages: pages,
                milliseconds: Int(Date().timeIntervalSince(started) * 1000), retries: context.retries - retriesBefore)
        }
    }
}
