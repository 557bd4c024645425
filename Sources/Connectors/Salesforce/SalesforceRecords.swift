import Foundation
import Store

/// How Salesforce records become canonical rows: accounts as accounts; contacts, opportunities and cases under the
/// account their `AccountId` names. An account no sync has written (created after the accounts pass) is fetched by id
/// through `queryAll`, and kept marked deleted when it was deleted; one Salesforce no longer has keeps an empty row
/// marked deleted, so nothing under it is dropped. A record without an `AccountId` (a private contact, a case with no
/// account) is left out, as it has no account to be filed under.
extension SalesforceSource {
    /// Where a record's rows go: a page's writes, as its number there.
    typealias PageSlot = (writes: PageWrites, record: Int)

    /// Adds one record of an object to a page's writes; its outcome when that is decided without writing (left out, or
    /// without an id), nil when `writes.finish()` will say.
    func write(_ record: [String: Any], _ object: SalesforceObject, into slot: PageSlot) throws -> Upserter.Outcome? {
        switch object {
        case .account:
            guard let (id, row) = accountRow(of: record) else { return .unchanged }
            try slot.writes.add(
                row, source: name, externalID: id, raw: CanonicalJSON.bytes(record)[...], record: slot.record)
            return nil
        case .contact: return try writeFiled(record, object, SalesforceMapping.contact, into: slot)
        case .opportunity: return try writeFiled(record, object, SalesforceMapping.opportunity, into: slot)
        case .case: return try writeFiled(record, object, SalesforceMapping.case, into: slot)
        }
    }

    /// Finds the accounts a page's records are filed under in one query per hundred, into the sync's cache of account
    /// rows (one query per record took most of a PostgreSQL sync's time).
    func lookUpAccounts(of records: [[String: Any]]) throws {
        try context.lookUpAccounts(source: name, externalIDs: records.compactMap { $0["AccountId"] as? String })
    }

    /// A deleted account keeps its row, marked deleted (written first if no sync saw it); a deleted contact,
    /// opportunity or case is removed.
    func markDeleted(_ record: [String: Any], _ object: SalesforceObject, counter: inout StreamCounter) throws {
        guard let id = record["Id"] as? String else { return }
        let identity = IdentityStore(database: context.database)
        counter.entry.records += 1
        let deleted: Bool
        if object == .account {
            if try identity.accountRow(source: name, externalID: id) == nil { try writeAccount(record) }
            deleted = try identity.markDeleted(.accounts, source: name, externalID: id, at: ScoreRunStore.now())
        } else {
            deleted = try identity.remove(object.table, source: name, externalID: id)
        }
        if deleted { counter.entry.deletes += 1 }
    }

    /// Writes an account at once, for what reads it back straight after (marking it deleted, filing under it).
    private func writeAccount(_ record: [String: Any]) throws {
        guard let (id, row) = accountRow(of: record) else { return }
        _ = try context.write(row, source: name, externalID: id, raw: CanonicalJSON.bytes(record))
    }

    private func accountRow(of record: [String: Any]) -> (id: String, row: AccountRow)? {
        guard let id = record["Id"] as? String else { return nil }
        let row = AccountRow(
            name: record["Name"] as? String, domain: Self.domain(fromWebsite: record["Website"] as? String),
            industry: context.settings.vocabulary.industry(record["Industry"] as? String),
            employees: JSONNumber.int64(record["NumberOfEmployees"]),
            country: context.settings.vocabulary.country(record["BillingCountry"] as? String),
            createdDate: (record["CreatedDate"] as? String).map { String($0.prefix(10)) })
        return (id, row)
    }

    /// A contact, opportunity or case under its account; a value that cannot be read stops the sync naming the record.
    private func writeFiled(
        _ record: [String: Any], _ object: SalesforceObject,
        _ map: ([String: Any], Int64) throws -> any AccountFiledRow, into slot: PageSlot
    ) throws -> Upserter.Outcome? {
        guard let id = record["Id"] as? String else { return .unchanged }
        guard let accountID = record["AccountId"] as? String, !accountID.isEmpty else { return .skipped }
        let row: any AccountFiledRow
        do {
            row = try map(record, try accountRow(accountID))
        } catch let problem as SalesforceMapping.Problem {
            throw SyncError(what: "\(name) \(object.stream)", reason: "\(object.rawValue) \(id): \(problem.reason)")
        } catch let outOfRange as OutOfRange {
            context.leaveOut(record, stream: object.stream, because: outOfRange)
            return .skipped
        }
        try slot.writes.add(
            row, source: name, externalID: id, raw: CanonicalJSON.bytes(record)[...], record: slot.record)
        return nil
    }

    /// The account row of an AccountId, fetched by id through `queryAll` when no sync has written it.
    private func accountRow(_ id: String) throws -> Int64 {
        try context.accountRow(id, else: lookUpOrFetch)
    }

    private func lookUpOrFetch(_ id: String) throws -> Int64 {
        let identity = IdentityStore(database: context.database)
        if let row = try identity.accountRow(source: name, externalID: id) { return row }
        guard id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
            throw SalesforceMapping.Problem(reason: "AccountId \(id) is not a Salesforce id")
        }
        let soql = "SELECT \(SalesforceObject.account.fields.joined(separator: ", ")) FROM Account WHERE Id = '\(id)'"
        let page = try session.fetch(Self.queryPath(endpoint: "queryAll", soql: soql), what: "\(name) account \(id)")
        if let account = (page["records"] as? [[String: Any]])?.first {
            try writeAccount(account)
            if account["IsDeleted"] as? Bool == true {
                _ = try identity.markDeleted(.accounts, source: name, externalID: id, at: ScoreRunStore.now())
            }
        } else {
            _ = try context.write(AccountRow(), source: name, externalID: id, raw: Array("{}".utf8))
            _ = try identity.markDeleted(.accounts, source: name, externalID: id, at: ScoreRunStore.now())
        }
        guard let row = try identity.accountRow(source: name, externalID: id) else {
            throw SyncError(what: "\(name) account \(id)", reason: "the account could not be written")
        }
        return row
    }

    /// `https://www.example.com/about` → `www.example.com` (identity ignores case and `www.`).
    static func domain(fromWebsite website: String?) -> String? {
        guard var text = website?.trimmingCharacters(in: .whitespaces).lowercased(), !text.isEmpty else { return nil }
        if let scheme = text.range(of: "://") { text = String(text[scheme.upperBound...]) }
        if let end = text.firstIndex(where: { $0 == "/" || $0 == ":" || $0 == "?" }) { text = String(text[..<end]) }
        return text.isEmpty ? nil : text
    }
}
