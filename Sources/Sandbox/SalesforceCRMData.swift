import Connectors
import Foundation

/// A Salesforce Contact, Opportunity or Case as the Sandbox serves it: its fields as they go on the wire, by name.
struct SandboxSalesforceRecord {
    let id: String
    var accountID: String
    var fields: [String: Any]
    var modstampMilliseconds: Int64
    var isDeleted = false
    /// Emptied from the recycle bin: in no query, `queryAll` included.
    var isPurged = false
}

extension SandboxData {
    /// The Salesforce id of the `number`th record of a type: its key prefix (`003` Contact, `006` Opportunity, `500`
    /// Case), `SB` and 13 digits, so ids sort as numbers do.
    static func salesforceID(_ prefix: String, _ number: Int) -> String {
        prefix + "SB" + String(format: "%013d", number)
    }

    /// Adds the generated contacts, deals and tickets as Salesforce Contacts, Opportunities and Cases under the
    /// accounts' Salesforce Accounts.
    func addSalesforceRecords(contacts: [[String]], deals: [GeneratedDeal], tickets: [[String]], names: [Int: String]) {
        // contact_id, account_id, name, email, is_primary, last_activity_date
        salesforceRecords["Contact"] = contacts.enumerated().compactMap { offset, fields in
            guard let index = Int(fields[1].dropFirst(4)),
                let activity = SalesforceTime.milliseconds(fields[5] + "T10:00:00Z")
            else { return nil }
            let names = fields[2].split(separator: " ").map(String.init)
            return SandboxSalesforceRecord(
                id: Self.salesforceID("003", offset + 1), accountID: Self.salesforceID(index),
                fields: [
                    "FirstName": names.first ?? "", "LastName": names.dropFirst().joined(separator: " "),
                    "Name": fields[2],
                    "Email": fields[3].isEmpty ? NSNull() : fields[3], "LastActivityDate": fields[5],
                    "CreatedDate": SalesforceTime.wire(activity - 86_400_000),
                ],
                modstampMilliseconds: activity + Int64(index % 1_000))
        }
        salesforceRecords["Opportunity"] = deals.map { deal in
            let stage: String
            switch deal.outcome {
            case .won: stage = "Closed Won"
            case .lost: stage = "Closed Lost"
            case .open: stage = deal.number % 2 == 0 ? "Negotiation/Review" : "Qualification"
            }
            let modified = (deal.outcome == .open ? deal.createdSeconds : deal.closeSeconds) * 1_000 + 7_200_000
            return SandboxSalesforceRecord(
                id: Self.salesforceID("006", deal.number), accountID: Self.salesforceID(deal.accountIndex),
                fields: [
                    "Name": deal.name, "StageName": stage, "Amount": Double(deal.amountCents) / 100,
                    "CreatedDate": SalesforceTime.wire(deal.createdSeconds * 1_000),
                    "CloseDate": String(SalesforceTime.wire(deal.closeSeconds * 1_000).prefix(10)),
                    "IsClosed": deal.outcome != .open, "IsWon": deal.outcome == .won,
                ],
                modstampMilliseconds: modified + Int64(deal.accountIndex % 1_000))
        }
        // ticket_id, account_id, opened_at, closed_at, priority, status
        salesforceRecords["Case"] = tickets.enumerated().compactMap { offset, fields in
            guard let index = Int(fields[1].dropFirst(4)), let opened = SalesforceTime.milliseconds(fields[2]) else {
                return nil
            }
            let number = offset + 1
            let closed = SalesforceTime.milliseconds(fields[3])
            return SandboxSalesforceRecord(
                id: Self.salesforceID("500", number), accountID: Self.salesforceID(index),
                fields: [
                    "CaseNumber": String(format: "%08d", number), "Subject": "Support request \(number)",
                    "Status": closed == nil ? (number % 2 == 0 ? "New" : "Working") : "Closed",
                    "Priority": fields[4] == "normal" ? "Medium" : fields[4].capitalized, "IsClosed": closed != nil,
                    "CreatedDate": SalesforceTime.wire(opened),
                    "ClosedDate": closed.map { SalesforceTime.wire($0) as Any } ?? NSNull(),
                ],
                modstampMilliseconds: (closed ?? opened) + 7_200_000 + Int64(index % 1_000))
        }
    }

    /// Wins `salesforce_opportunities_won` open opportunities, closes `salesforce_cases_closed` open cases, deletes
    /// `salesforce_contacts_deleted` contacts and moves `salesforce_contacts_moved` contacts to another live account
    /// (a person changing company: the record keeps its id), each stamped `now`.
    func mutateSalesforceRecords(_ asked: [String: Int], now: Int64) -> [String: Int] {
        var done: [String: Int] = [:]
        func change(
            _ type: String, _ key: String, where wanted: (SandboxSalesforceRecord) -> Bool,
            _ apply: (inout SandboxSalesforceRecord) -> Void
        ) {
            guard var records = salesforceRecords[type] else { return }
            for position in records.indices
            where done[key, default: 0] < asked[key, default: 0] && !records[position].isDeleted
                && wanted(records[position])
            {
                apply(&records[position])
                records[position].modstampMilliseconds = now
                done[key, default: 0] += 1
            }
            salesforceRecords[type] = records
        }
        change("Opportunity", "salesforce_opportunities_won", where: { $0.fields["IsClosed"] as? Bool == false }) {
            $0.fields["StageName"] = "Closed Won"
            $0.fields["IsClosed"] = true
            $0.fields["IsWon"] = true
            $0.fields["CloseDate"] = String(SalesforceTime.wire(now).prefix(10))
        }
        change("Case", "salesforce_cases_closed", where: { $0.fields["IsClosed"] as? Bool == false }) {
            $0.fields["Status"] = "Closed"
            $0.fields["IsClosed"] = true
            $0.fields["ClosedDate"] = SalesforceTime.wire(now)
        }
        change("Contact", "salesforce_contacts_deleted", where: { _ in true }) { $0.isDeleted = true }
        let live = salesforceAccounts.filter { !$0.isDeleted }.map(\.id)
        change("Contact", "salesforce_contacts_moved", where: { live.contains($0.accountID) }) { contact in
            let next = live.firstIndex(of: contact.accountID).map { (live.index(after: $0)) % live.count } ?? 0
            contact.accountID = live[next]
        }
        return done
    }

    /// Deletes an account's contacts, opportunities and cases with it, as Salesforce cascades an Account's delete.
    func deleteSalesforceRecords(ofAccount accountID: String, now: Int64) {
        for type in Array(salesforceRecords.keys) {
            guard var records = salesforceRecords[type] else { continue }
            for position in records.indices
            where records[position].accountID == accountID && !records[position].isDeleted {
                records[position].isDeleted = true
                records[position].modstampMilliseconds = now
            }
            salesforceRecords[type] = records
        }
    }

    /// Counts and checksums of the live contacts, opportunities and cases, in Scorebook's terms.
    func salesforceRecordsSummary() -> [String: Any] {
        func live(_ type: String) -> [SandboxSalesforceRecord] {
            (salesforceRecords[type] ?? []).filter { !$0.isDeleted }
        }
        func text(_ record: SandboxSalesforceRecord, _ field: String) -> String {
            record.fields[field] as? String ?? ""
        }
        func checksum(_ records: [SandboxSalesforceRecord], _ line: (SandboxSalesforceRecord) -> String) -> String {
            Checksum.hex(records.map { "\($0.id)|\($0.accountID)|" + line($0) }.sorted().joined(separator: "\n"))
        }
        let contacts = live("Contact")
        let opportunities = live("Opportunity")
        let cases = live("Case")
        return [
            "salesforce_contacts": contacts.count,
            "salesforce_contact_checksum": checksum(contacts) {
                "\(text($0, "Name"))|\(text($0, "Email"))|\(text($0, "LastActivityDate"))"
            },
            "salesforce_opportunities": opportunities.count,
            "salesforce_opportunity_checksum": checksum(opportunities) {
                let cents = Int((($0.fields["Amount"] as? Double ?? 0) * 100).rounded())
                let closed = $0.fields["IsClosed"] as? Bool == true ? 1 : 0
                let won = $0.fields["IsWon"] as? Bool == true ? 1 : 0
                return "\(text($0, "StageName"))|\(cents)|\(closed)|\(won)|\(text($0, "CloseDate"))"
            },
            "salesforce_cases": cases.count,
            "salesforce_case_checksum": checksum(cases) {
                let closed = $0.fields["IsClosed"] as? Bool == true
                return
                    "\(text($0, "Priority").lowercased())|\(closed ? "closed" : "open")|\(text($0, "ClosedDate").prefix(10))"
            },
        ]
    }
}
