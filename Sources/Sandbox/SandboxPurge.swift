extension SandboxData {
    /// Purges N live accounts of each API (`POST /_sandbox/mutate {"purged": N}`), and N records of one kind with
    /// `purged_<kind>` (SandboxPurge+Records).
    ///
    /// They go away with no trace a sync could see, as records do once they pass the APIs' retention windows (Stripe's
    /// 30 days of events, HubSpot's archive, Salesforce's recycle bin, Chargebee's deleted list): no event, no archived
    /// or deleted listing, 404 by id. They count as deleted in the summaries. Only a reconciliation finds them.
    /// A Salesforce account takes its contacts, opportunities and cases with it, as its delete does.
    func purge(_ asked: [String: Int]) -> [String: Int] {
        var done = purgeRecords(asked)
        guard let count = asked["purged"], count > 0 else { return done }
        done.merge([
            "purged_companies": purgeCompanies(count), "purged_customers": purgeCustomers(count),
            "purged_salesforce_accounts": 0, "purged_chargebee_customers": 0,
        ]) { $1 }
        for position in salesforceAccounts.indices.reversed()
        where done["purged_salesforce_accounts", default: 0] < count && !salesforceAccounts[position].isDeleted {
            salesforceAccounts[position].isDeleted = true
            salesforceAccounts[position].isPurged = true
            purgeSalesforceRecords(ofAccount: salesforceAccounts[position].id)
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
