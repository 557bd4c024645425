import Foundation
import Store

/// How HubSpot records become canonical rows: companies as accounts; contacts, deals and tickets under their company's
/// account. A company no sync has written (archived before it was listed) is fetched by id and kept, marked deleted
/// when archived; one HubSpot no longer has keeps an empty row marked deleted, so nothing under it is dropped.
/// A contact, deal or ticket without any company is left out, as it has no account to be filed under.
extension HubSpotSource {
    /// Where a record's rows go: a page's writes, as its number there.
    typealias PageSlot = (writes: PageWrites, record: Int)

    /// Adds one record to a page's writes as its number `number`.
    ///
    /// `companies` holds the company of each deal or ticket on the page, by record id. Returns the record's outcome
    /// when it is decided without writing (left out, or without an id), nil when `writes.finish()` will say.
    func write(
        _ record: [String: Any], _ object: HubSpotObject, companies: [String: String], number: Int,
        into writes: PageWrites
    ) throws -> Upserter.Outcome? {
        let target: PageSlot = (writes, number)
        switch object {
        case .companies: return try writeCompany(record, into: target)
        case .contacts: return try writeContact(record, into: target)
        case .deals, .tickets:
            return try writeFiled(
                record, object, company: (record["id"] as? String).flatMap { companies[$0] }, into: target)
        }
    }

    /// Looks up in one query the account rows of the companies a page's records are filed under (`companies` for
    /// deals and tickets), so each record's `companyRow` is found in memory: a query per record was a round trip each
    /// on PostgreSQL.
    func lookUpCompanies(of records: [[String: Any]], _ object: HubSpotObject, companies: [String: String]) throws {
        let ids: [String]
        switch object {
        case .companies: return
        case .contacts: ids = records.compactMap(Self.contactCompany)
        case .deals, .tickets: ids = Array(companies.values)
        }
        try context.lookUpAccounts(source: name, externalIDs: ids)
    }

    /// The company a contact is filed under: its `associatedcompanyid` property, when not empty.
    static func contactCompany(_ contact: [String: Any]) -> String? {
        ((contact["properties"] as? [String: Any])?["associatedcompanyid"] as? String).flatMap { $0.isEmpty ? nil : $0 }
    }

    /// A contact under its company's account (as linked).
    private func writeContact(_ contact: [String: Any], into target: PageSlot) throws -> Upserter.Outcome? {
        guard let id = contact["id"] as? String else { return .unchanged }
        let properties = contact["properties"] as? [String: Any] ?? [:]
        func text(_ key: String) -> String? { (properties[key] as? String).flatMap { $0.isEmpty ? nil : $0 } }
        guard let company = Self.contactCompany(contact) else { return .skipped }
        let account = try companyRow(company)
        let fullName = [text("firstname"), text("lastname")].compactMap { $0 }.joined(separator: " ")
        let activity = (text("notes_last_updated") ?? text("lastmodifieddate")).map { String($0.prefix(10)) }
        let row = ContactRow(
            accountID: account, name: fullName.isEmpty ? nil : fullName, email: text("email"), isPrimary: nil,
            lastActivityDate: activity)
        try target.writes.add(
            row, source: name, externalID: id, raw: CanonicalJSON.bytes(contact)[...], record: target.record)
        return nil
    }

    /// A deal or ticket under its company's account; a value that cannot be read stops the sync naming the record.
    private func writeFiled(
        _ record: [String: Any], _ object: HubSpotObject, company: String?, into target: PageSlot
    ) throws -> Upserter.Outcome? {
        guard let id = record["id"] as? String else { return .unchanged }
        guard let company else { return .skipped }
        var properties = record["properties"] as? [String: Any] ?? [:]
        if properties["createdate"] == nil { properties["createdate"] = record["createdAt"] }
        let account = try companyRow(company)
        let row: any AccountFiledRow
        do {
            row =
                object == .deals
                ? try HubSpotMapping.deal(properties, account: account)
                : try HubSpotMapping.ticket(properties, account: account)
        } catch let problem as HubSpotMapping.Problem {
            throw SyncError(
                what: "\(name) \(object.rawValue)", reason: "\(object.rawValue.dropLast()) \(id): \(problem.reason)")
        }
        try target.writes.add(
            row, source: name, externalID: id, raw: CanonicalJSON.bytes(record)[...], record: target.record)
        return nil
    }

    /// The account row of a company: the one this sync has met or looked up, else fetched by id (archived ones too)
    /// when no sync has written it.
    private func companyRow(_ id: String) throws -> Int64 {
        try context.accountRow(id, else: lookUpOrFetchCompany)
    }

    private func lookUpOrFetchCompany(_ id: String) throws -> Int64 {
        let identity = IdentityStore(database: context.database)
        if let row = try identity.accountRow(source: name, externalID: id) { return row }
        do {
            let company = try context.fetch(
                "/crm/v3/objects/companies/\(id)?archived=true&properties=\(HubSpotObject.companies.properties.joined(separator: ","))",
                headers: headers, what: "\(name) company \(id)", classify: Self.classify)
            let writes = PageWrites(database: context.database)
            _ = try writeCompany(company, into: (writes, 0))
            _ = try writes.finish()
            if company["archived"] as? Bool == true {
                _ = try identity.markDeleted(.accounts, source: name, externalID: id, at: ScoreRunStore.now())
            }
        } catch let error as SyncError where error.reason.hasPrefix("HTTP 404") {
            _ = try context.write(AccountRow(), source: name, externalID: id, raw: Array("{}".utf8))
            _ = try identity.markDeleted(.accounts, source: name, externalID: id, at: ScoreRunStore.now())
        }
        guard let row = try identity.accountRow(source: name, externalID: id) else {
            throw SyncError(what: "\(name) company \(id)", reason: "the company could not be written")
        }
        return row
    }

    private func writeCompany(_ company: [String: Any], into target: PageSlot) throws -> Upserter.Outcome? {
        guard let id = company["id"] as? String else { return .unchanged }
        let properties = company["properties"] as? [String: Any] ?? [:]
        func text(_ key: String) -> String? { properties[key] as? String }
        let row = AccountRow(
            name: text("name"), domain: text("domain"),
            industry: context.settings.vocabulary.industry(text("industry")),
            employees: text("numberofemployees").flatMap { Int64($0) },
            country: context.settings.vocabulary.country(text("country")),
            createdDate: text("createdate").map { String($0.prefix(10)) })
        try target.writes.add(
            row, source: name, externalID: id, raw: CanonicalJSON.bytes(company)[...], record: target.record)
        return nil
    }
}
