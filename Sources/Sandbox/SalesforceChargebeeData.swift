import Foundation

/// The APIs the Sandbox can serve.
public enum SandboxAPI: String, Sendable, CaseIterable {
    case hubspot, stripe, salesforce, chargebee
}

/// A Salesforce Account as the Sandbox serves it.
struct SandboxSalesforceAccount {
    let id: String
    var name: String
    let website: String
    let industry: String
    let employees: Int?
    let country: String
    let createdMilliseconds: Int64
    var modstampMilliseconds: Int64
    var isDeleted = false
    /// Emptied from the recycle bin: in no query, `queryAll` included.
    var isPurged = false
}

/// A Chargebee customer as the Sandbox serves it.
struct SandboxChargebeeCustomer {
    let id: String
    var company: String
    let email: String
    let createdAt: Int64
    var updatedAt: Int64
    /// The CRM ids in the custom fields `cf_salesforce_account_id` and `cf_hubspot_company_id`, when linked explicitly.
    let salesforceAccountID: String?
    let hubspotCompanyID: String?
    var isDeleted = false
    /// Gone for good: not listed even with `include_deleted`.
    var isPurged = false
}

/// A Chargebee invoice as the Sandbox serves it, status in Chargebee's vocabulary.
struct SandboxChargebeeInvoice {
    let id: String
    let customerID: String
    let date: Int64
    let dueDate: Int64?
    var paidAt: Int64?
    let total: Int
    var amountPaid: Int
    var status: String
    let product: String
    var updatedAt: Int64
    /// Deleted and gone for good: not listed even with `include_deleted` (a synced copy ends up `deleted`).
    var isPurged = false
}

extension SandboxData {
    /// The Salesforce Account id of a generated account: `001SB` and 13 digits, so ids sort as numbers do.
    static func salesforceID(_ index: Int) -> String { "001SB" + String(format: "%013d", index) }

    /// The Chargebee customer id of a generated account.
    static func chargebeeID(_ index: Int) -> String { "16CB" + String(format: "%08d", index) }

    /// Adds the account to Salesforce and, like Stripe (every 11th has no billing), to Chargebee.
    func addSalesforceAndChargebee(index: Int, fields: [String], createdSeconds: Int64, companyID: String) {
        let domain = fields[2]
        if servesSalesforce { addSalesforce(index: index, fields: fields, createdSeconds: createdSeconds) }
        guard servesChargebee, index % 11 != 0 else { return }
        let emailDomain = index % 17 == 0 ? "billing-\(index).example" : domain
        let linked = index % 3 == 0
        chargebeeCustomers.append(
            SandboxChargebeeCustomer(
                id: Self.chargebeeID(index), company: fields[1], email: "ap@" + emailDomain, createdAt: createdSeconds,
                updatedAt: createdSeconds + 60, salesforceAccountID: linked ? Self.salesforceID(index) : nil,
                hubspotCompanyID: linked ? companyID : nil))
    }

    private func addSalesforce(index: Int, fields: [String], createdSeconds: Int64) {
        let domain = fields[2]
        let website =
            index % 5 == 0 ? "https://www.\(domain)/" : (index % 13 == 0 ? domain.uppercased() : "http://\(domain)")
        salesforceAccounts.append(
            SandboxSalesforceAccount(
                id: Self.salesforceID(index), name: fields[1], website: website,
                industry: SandboxVocabulary.salesforceIndustries[fields[3]] ?? fields[3].capitalized,
                employees: Int(fields[4]), country: SandboxVocabulary.country(fields[5], index: index + 1),
                createdMilliseconds: createdSeconds * 1_000,
                modstampMilliseconds: (createdSeconds + 7_200) * 1_000 + Int64(index % 1_000)))
    }

    /// Adds a generated invoice to Chargebee (statuses paid, payment_due, not_paid).
    func addChargebeeInvoice(index: Int, fields: [String], seconds: (String) -> Int64?) {
        guard servesChargebee, let date = seconds(fields[2]) else { return }
        let status = ["paid": "paid", "open": "payment_due", "uncollectible": "not_paid"][fields[8]] ?? fields[8]
        let paidAt = seconds(fields[4])
        chargebeeInvoices.append(
            SandboxChargebeeInvoice(
                id: "CB-" + fields[0], customerID: Self.chargebeeID(index), date: date, dueDate: seconds(fields[3]),
                paidAt: paidAt,
                total: Int(fields[5]) ?? 0, amountPaid: Int(fields[6]) ?? 0, status: status, product: fields[9],
                updatedAt: paidAt ?? date))
    }

    /// Renames and deletes Salesforce accounts (their contacts, opportunities and cases with them), changes the other
    /// Salesforce records (SalesforceCRMData), pays open Chargebee invoices, renames and deletes Chargebee customers;
    /// each change is stamped with the real clock, as the APIs would.
    func mutateSalesforceAndChargebee(_ asked: [String: Int]) -> [String: Int] {
        var done: [String: Int] = [:]
        chargebeeOrders.removeAll()
        let nowMilliseconds = Int64(Date().timeIntervalSince1970 * 1_000)
        let nowSeconds = nowMilliseconds / 1_000
        func want(_ key: String) -> Bool { done[key, default: 0] < asked[key, default: 0] }
        for position in salesforceAccounts.indices
        where want("salesforce_renamed") && !salesforceAccounts[position].isDeleted {
            salesforceAccounts[position].name += " (renamed)"
            salesforceAccounts[position].modstampMilliseconds = nowMilliseconds
            done["salesforce_renamed", default: 0] += 1
        }
        for position in salesforceAccounts.indices.reversed()
        where want("salesforce_deleted") && !salesforceAccounts[position].isDeleted {
            salesforceAccounts[position].isDeleted = true
            salesforceAccounts[position].modstampMilliseconds = nowMilliseconds
            deleteSalesforceRecords(ofAccount: salesforceAccounts[position].id, now: nowMilliseconds)
            done["salesforce_deleted", default: 0] += 1
        }
        done.merge(mutateSalesforceRecords(asked, now: nowMilliseconds)) { $1 }
        for position in chargebeeInvoices.indices
        where want("chargebee_paid") && chargebeeInvoices[position].status == "payment_due"
            && !chargebeeInvoices[position].isPurged
        {
            chargebeeInvoices[position].status = "paid"
            chargebeeInvoices[position].amountPaid = chargebeeInvoices[position].total
            chargebeeInvoices[position].paidAt = nowSeconds
            chargebeeInvoices[position].updatedAt = nowSeconds
            done["chargebee_paid", default: 0] += 1
        }
        for position in chargebeeCustomers.indices
        where want("chargebee_renamed") && !chargebeeCustomers[position].isDeleted {
            chargebeeCustomers[position].company += " (renamed)"
            chargebeeCustomers[position].updatedAt = nowSeconds
            done["chargebee_renamed", default: 0] += 1
        }
        for position in chargebeeCustomers.indices.reversed()
        where want("chargebee_deleted") && !chargebeeCustomers[position].isDeleted {
            chargebeeCustomers[position].isDeleted = true
            chargebeeCustomers[position].updatedAt = nowSeconds
            done["chargebee_deleted", default: 0] += 1
        }
        return done
    }

    /// Counts and checksums of what Salesforce and Chargebee serve, named as the sync tests name them.
    func salesforceAndChargebeeSummary() -> [String: Any] {
        let accountText = salesforceAccounts.filter { !$0.isDeleted }.map { "\($0.id)|\($0.name)" }.sorted().joined(
            separator: "\n")
        let invoiceText = chargebeeInvoices.map {
            "\($0.id)|\($0.amountPaid)|\($0.isPurged ? "deleted" : ChargebeeJSON.canonicalStatus($0.status))"
        }.sorted().joined(separator: "\n")
        let liveCustomers = chargebeeCustomers.filter { !$0.isDeleted }.count
        let liveAccounts = salesforceAccounts.filter { !$0.isDeleted }.count
        let accountsAndChargebee: [String: Any] = [
            "salesforce_accounts": liveAccounts, "salesforce_deleted_accounts": salesforceAccounts.count - liveAccounts,
            "salesforce_account_checksum": Checksum.hex(accountText),
            "chargebee_customers": liveCustomers,
            "chargebee_deleted_customers": chargebeeCustomers.count - liveCustomers,
            "chargebee_invoices": chargebeeInvoices.count,
            "chargebee_paid_invoices": chargebeeInvoices.filter { $0.status == "paid" && !$0.isPurged }.count,
            "chargebee_invoice_checksum": Checksum.hex(invoiceText),
        ]
        return salesforceRecordsSummary().merging(accountsAndChargebee) { $1 }
    }
}

extension SandboxData {
    /// Chargebee rows' positions sorted by (key in ms, id), built once per data version (call with the data locked).
    func chargebeeOrder(
        _ name: String, rows: () -> [(id: String, seconds: Int64)]
    ) -> [(key: Int64, id: String, position: Int)] {
        if let cached = chargebeeOrders[name] { return cached }
        let order = rows().enumerated().map { (key: $1.seconds * 1_000, id: $1.id, position: $0) }
            .sorted { ($0.key, $0.id) < ($1.key, $1.id) }
        chargebeeOrders[name] = order
        return order
    }
}
