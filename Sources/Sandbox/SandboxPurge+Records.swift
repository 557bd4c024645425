extension SandboxData {
    /// The record kinds `mutate` purges by name, `{"purged_contacts": 2, "purged_chargebee_invoices": 1}`.
    static let purgedKinds = [
        "purged_contacts", "purged_deals", "purged_tickets", "purged_salesforce_contacts",
        "purged_salesforce_opportunities", "purged_salesforce_cases", "purged_chargebee_subscriptions",
        "purged_chargebee_invoices",
    ]

    /// Purges the newest live records of each kind asked for (as `purge` does accounts); says how many of each.
    ///
    /// HubSpot contacts, deals and tickets leave every listing, the archived one included (and the association
    /// reads); Salesforce contacts, opportunities and cases leave `queryAll` too; Chargebee subscriptions and invoices
    /// leave the lists even with `include_deleted`. A purged invoice counts as `deleted` in the summary, as a synced
    /// copy ends up once a reconciliation finds it.
    func purgeRecords(_ asked: [String: Int]) -> [String: Int] {
        var done: [String: Int] = [:]
        for kind in Self.purgedKinds {
            guard let count = asked[kind], count > 0 else { continue }
            done[kind] = purgeRecords(kind, count)
        }
        if done["purged_chargebee_subscriptions"] != nil || done["purged_chargebee_invoices"] != nil {
            chargebeeOrders.removeAll()
        }
        return done
    }

    private func purgeRecords(_ kind: String, _ count: Int) -> Int {
        var done = 0
        func take(_ isLive: Bool) -> Bool {
            guard done < count, isLive else { return false }
            done += 1
            return true
        }
        switch kind {
        case "purged_contacts":
            for position in contacts.indices.reversed() where take(!contacts[position].isArchived) {
                contacts[position].isArchived = true
                contacts[position].isPurged = true
            }
        case "purged_deals":
            for position in deals.indices.reversed() where take(!deals[position].isArchived) {
                deals[position].isArchived = true
                deals[position].isPurged = true
            }
        case "purged_tickets":
            for position in tickets.indices.reversed() where take(!tickets[position].isArchived) {
                tickets[position].isArchived = true
                tickets[position].isPurged = true
            }
        case "purged_chargebee_subscriptions":
            for position in chargebeeSubscriptions.indices.reversed()
            where take(!chargebeeSubscriptions[position].isDeleted) {
                chargebeeSubscriptions[position].isDeleted = true
                chargebeeSubscriptions[position].isPurged = true
            }
        case "purged_chargebee_invoices":
            for position in chargebeeInvoices.indices.reversed() where take(!chargebeeInvoices[position].isPurged) {
                chargebeeInvoices[position].isPurged = true
            }
        default:
            let type = ["purged_salesforce_contacts": "Contact", "purged_salesforce_opportunities": "Opportunity"][
                kind, default: "Case"]
            guard var records = salesforceRecords[type] else { return 0 }
            for position in records.indices.reversed() where take(!records[position].isDeleted) {
                records[position].isDeleted = true
                records[position].isPurged = true
            }
            salesforceRecords[type] = records
        }
        return done
    }

    /// Purges an account's contacts, opportunities and cases with it.
    func purgeSalesforceRecords(ofAccount accountID: String) {
        for type in Array(salesforceRecords.keys) {
            guard var records = salesforceRecords[type] else { continue }
            for position in records.indices where records[position].accountID == accountID {
                records[position].isDeleted = true
                records[position].isPurged = true
            }
            salesforceRecords[type] = records
        }
    }
}
