extension SandboxData {
    /// Purges N live accounts of each API (`POST /_sandbox/mutate {"purged": N}`).
    ///
    /// They go away with no trace a sync could see, as records do once they pass the APIs' retention windows (Stripe's 30 days of events, HubSpot's archive,
    /// Salesforce's recycle bin, Chargebee's deleted list): no event, no archived or deleted listing, 404 by id.
    /// They count as deleted in the summaries. Only a reconciliation finds them.
    func purge(_ asked: [String: Int]) -> [String: Int] {
        guard let count = asked["purged"], count > 0 else { return [:] }
        var done = [
            "purged_companies": 0, "purged_customers": 0, "purged_salesforce_accounts": 0,
            "purged_chargebee_customers": 0,
        ]
        done["purged_companies"] = purgeCompanies(count)
        done["purged_customers"] = purgeCustomers(count)
        for position in salesforceAccounts.indices.reversed()
        where done["purged_salesforce_accounts", default: 0] < count && !salesforceAccounts[position].isDeleted {
            salesforceAccounts[position].isDeleted = true
            salesforceAccounts[position].isPurged = true
            done["purged_salesforce_accounts", default: 0] += 1
        }
        for position in chargebeeCustomers.indices.reversed()
        where done["purged_chargebee_customers", default: 0] < count && !chargebeeCustomers[position].isDeleted {
            chargebeeCustomers[position].isDeleted = true
            chargebeeCustomers[position].isPurged = true
            done["purged_chargebee_customers", default: 0] += 1
        }
        return done
    }
}
