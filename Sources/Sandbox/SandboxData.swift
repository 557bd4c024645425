import Foundation
import Generator
import ScoreKit

/// A HubSpot company as the Sandbox serves it.
struct SandboxCompany {
    let id: String
    var name: String
    let domain: String
    let industry: String
    let employees: String
    let country: String
    let createdMilliseconds: Int64
    var modifiedMilliseconds: Int64
    var isArchived = false
    /// Gone past every retention window: in no listing, archived ones included, and unknown by id.
    var isPurged = false
}

/// A HubSpot contact as the Sandbox serves it, under its company.
struct SandboxContact {
    let id: String
    let companyID: String
    let firstName: String
    let lastName: String
    let email: String
    var lastActivityMilliseconds: Int64
    var modifiedMilliseconds: Int64
    var isArchived = false
    /// Gone past every retention window: in no listing, archived ones included.
    var isPurged = false
}

/// A Stripe customer as the Sandbox serves it.
struct SandboxCustomer: Equatable {
    let id: String
    let name: String
    let email: String
    let created: Int64
    /// The HubSpot company id in `metadata.hubspot_company_id`, when the customer carries the explicit link.
    let hubspotCompanyID: String?
    var isDeleted = false
}

/// A Stripe invoice as the Sandbox serves it.
struct SandboxInvoice: Equatable {
    let id: String
    let customer: String
    let created: Int64
    let dueDate: Int64?
    var paidAt: Int64?
    let amountDue: Int
    var amountPaid: Int
    var status: String
    let product: String
}

/// A Stripe subscription as the Sandbox serves it: one per customer, at the account's latest monthly amount.
struct SandboxSubscription: Equatable {
    let id: String
    let customer: String
    let created: Int64
    var monthlyAmount: Int
    var canceledAt: Int64?
}

/// A Stripe event: a change, with the object as it became, rendered in the API version of its moment.
struct SandboxEvent {
    let id: String
    let type: String
    let created: Int64
    let object: [String: Any]
    let apiVersion: String
}

/// The Sandbox's source data, built from the deterministic generator: the same accounts in the CRM and in billing.
///
/// Identity is exercised on purpose: a third of the customers carry the explicit HubSpot link in their metadata, most
/// others match by e-mail domain (some written differently: upper case, `www.`), every 17th has a domain of its own
/// and matches nothing, and every 11th company has no billing at all.
final class SandboxData: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var companies: [SandboxCompany] = []
    var contacts: [SandboxContact] = []
    /// HubSpot deals (derived from the generated MRR history) and tickets (HubSpotDealsAndTickets).
    var deals: [SandboxDeal] = []
    var tickets: [SandboxTicket] = []
    /// HubSpot tasks created through the API (by `scorebook act`).
    private(set) var tasks: [[String: Any]] = []
    private(set) var customers: [SandboxCustomer] = []
    private(set) var invoices: [SandboxInvoice] = []
    private(set) var subscriptions: [SandboxSubscription] = []
    private var subscriptionIndex: [String: Int] = [:]
    private(set) var events: [SandboxEvent] = []
    /// Stripe charges, newest first, and their positions by id (StripeChargeData).
    var charges: [SandboxCharge] = []
    var chargeIndex: [String: Int] = [:]
    /// Salesforce Accounts and Chargebee customers, invoices and subscriptions: the same generated accounts
    /// (SalesforceChargebeeData, ChargebeeSubscriptionData).
    var salesforceAccounts: [SandboxSalesforceAccount] = []
    /// Salesforce contacts, opportunities and cases by sObject type (SalesforceCRMData).
    var salesforceRecords: [String: [SandboxSalesforceRecord]] = [:]
    var chargebeeCustomers: [SandboxChargebeeCustomer] = []
    var chargebeeInvoices: [SandboxChargebeeInvoice] = []
    var chargebeeSubscriptions: [SandboxChargebeeSubscription] = []
    /// Chargebee rows' positions sorted by (sort key, id), per stream and key; emptied when the data changes.
    var chargebeeOrders: [String: [(key: Int64, id: String, position: Int)]] = [:]
    private var companyIndex: [String: Int] = [:]
    private var customerIndex: [String: Int] = [:]
    private var invoiceIndex: [String: Int] = [:]
    private var eventCounter = 0
    /// The API version new events are rendered in (the account's default at their moment); the control endpoint
    /// sets an older one to play events made before an upgrade.
    var eventAPIVersion = StripeRoutes.apiVersion
    /// The Sandbox's clock, in unix seconds: the generator's last day, moving forward one minute per mutation.
    private(set) var now: Int64

    /// Whether Salesforce and Chargebee copies of the accounts are built (they double the Sandbox's memory).
    let servesSalesforce: Bool
    let servesChargebee: Bool

    init(options: DataGenerator.Options, apis: Set<SandboxAPI> = Set(SandboxAPI.allCases)) throws {
        servesSalesforce = apis.contains(.salesforce)
        servesChargebee = apis.contains(.chargebee)
        now = Int64(options.endDay.adding(days: 1).ordinal) * 86_400
        let collector = Collector()
        try DataGenerator(options: options).generate(into: collector)
        for fields in collector.accounts { addAccount(fields) }
        for fields in collector.invoices { addInvoice(fields) }
        for fields in collector.contacts { addContact(fields) }
        addSubscriptions(collector.mrr)
        addChargebeeSubscriptions()
        let names = Dictionary(
            collector.accounts.compactMap { fields in Int(fields[0].dropFirst(4)).map { ($0, fields[1]) } }
        ) { $1 }
        let generatedDeals = GeneratedDeal.derive(names: names, changes: collector.mrr, endDay: options.endDay)
        addHubSpotDealsAndTickets(generatedDeals, tickets: collector.tickets)
        if servesSalesforce {
            addSalesforceRecords(
                contacts: collector.contacts, deals: generatedDeals, tickets: collector.tickets, names: names)
        }
        // Newest first, as Stripe lists.
        customers.sort { ($0.created, $0.id) > ($1.created, $1.id) }
        subscriptions.sort { ($0.created, $0.id) > ($1.created, $1.id) }
        invoices.sort { ($0.created, $0.id) > ($1.created, $1.id) }
        reindex()
        addCharges()
    }

    /// Runs `body` with the data locked.
    func locked<T>(_ body: (SandboxData) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(self)
    }

    private func addAccount(_ fields: [String]) {
        // account_id, name, domain, industry, employees, country, created_date, ...
        guard let index = Int(fields[0].dropFirst(4)), let created = Day(iso: fields[6]) else { return }
        let createdSeconds = Int64(created.ordinal) * 86_400 + Int64(index % 86_400)
        let companyID = String(18_000_000 + index)
        var domain = fields[2]
        if index % 7 == 0 { domain = "www." + domain }
        if index % 13 == 0 { domain = domain.uppercased() }
        companies.append(
            SandboxCompany(
                id: companyID, name: fields[1], domain: domain,
                industry: SandboxVocabulary.hubSpotIndustries[fields[3]] ?? fields[3].uppercased(),
                employees: fields[4],
                country: SandboxVocabulary.country(fields[5], index: index), createdMilliseconds: createdSeconds * 1000,
                modifiedMilliseconds: (createdSeconds + 3600) * 1000))
        addSalesforceAndChargebee(index: index, fields: fields, createdSeconds: createdSeconds, companyID: companyID)
        guard index % 11 != 0 else { return }
        let emailDomain = index % 17 == 0 ? "billing-\(index).example" : fields[2]
        customers.append(
            SandboxCustomer(
                id: Self.customerID(index), name: fields[1], email: "billing@" + emailDomain, created: createdSeconds,
                hubspotCompanyID: index % 3 == 0 ? companyID : nil))
    }

    private func addInvoice(_ fields: [String]) {
        // invoice_id, account_id, issued_date, due_date, paid_date, amount_due_cents, amount_paid_cents, currency,
        // status, product
        guard let index = Int(fields[1].dropFirst(4)), index % 11 != 0, let issued = Day(iso: fields[2]) else { return }
        let seconds = { (text: String) -> Int64? in Day(iso: text).map { Int64($0.ordinal) * 86_400 + 43_200 } }
        addChargebeeInvoice(index: index, fields: fields, seconds: seconds)
        invoices.append(
            SandboxInvoice(
                id: "in_" + fields[0].replacingOccurrences(of: "-", with: "_"), customer: Self.customerID(index),
                created: Int64(issued.ordinal) * 86_400 + Int64(index % 3600), dueDate: seconds(fields[3]),
                paidAt: seconds(fields[4]), amountDue: Int(fields[5]) ?? 0, amountPaid: Int(fields[6]) ?? 0,
                status: fields[8], product: fields[9]))
    }

    /// One subscription per customer from the account's MRR changes: created at the first, at the last non-zero
    /// amount, canceled at a final change to 0.
    private func addSubscriptions(_ changes: [[String]]) {
        // change_id, account_id, effective_date, mrr_cents, change_type
        var byAccount: [Int: [[String]]] = [:]
        for fields in changes {
            guard let index = Int(fields[1].dropFirst(4)), index % 11 != 0 else { continue }
            byAccount[index, default: []].append(fields)
        }
        let seconds = { (text: String) -> Int64 in Int64(Day(iso: text)?.ordinal ?? 0) * 86_400 + 43_200 }
        for (index, rows) in byAccount.sorted(by: { $0.key < $1.key }) {
            guard let first = rows.first, let last = rows.last else { continue }
            let amount = rows.compactMap { Int($0[3]) }.last { $0 > 0 } ?? 0
            subscriptions.append(
                SandboxSubscription(
                    id: "sub_" + String(format: "%08d", index), customer: Self.customerID(index),
                    created: seconds(first[2]),
                    monthlyAmount: amount, canceledAt: last[3] == "0" ? seconds(last[2]) : nil))
        }
    }

    private func addContact(_ fields: [String]) {
        // contact_id, account_id, name, email, is_primary, last_activity_date
        guard let index = Int(fields[1].dropFirst(4)), let activity = Day(iso: fields[5]) else { return }
        let names = fields[2].split(separator: " ").map(String.init)
        let milliseconds = (Int64(activity.ordinal) * 86_400 + 36_000) * 1000
        contacts.append(
            SandboxContact(
                id: String(60_000_000 + contacts.count + 1), companyID: String(18_000_000 + index),
                firstName: names.first ?? "",
                lastName: names.dropFirst().joined(separator: " "), email: fields[3],
                lastActivityMilliseconds: milliseconds,
                modifiedMilliseconds: milliseconds))
    }

    /// Keeps a task created through the API; returns its id.
    func recordTask(_ task: [String: Any]) -> String {
        let id = String(90_000_000 + tasks.count + 1)
        var stored = task
        stored["id"] = id
        tasks.append(stored)
        return id
    }

    static func customerID(_ index: Int) -> String { "cus_" + String(format: "%08d", index) }

    private func reindex() {
        companyIndex = Dictionary(uniqueKeysWithValues: companies.enumerated().map { ($1.id, $0) })
        customerIndex = Dictionary(uniqueKeysWithValues: customers.enumerated().map { ($1.id, $0) })
        invoiceIndex = Dictionary(uniqueKeysWithValues: invoices.enumerated().map { ($1.id, $0) })
        subscriptionIndex = Dictionary(uniqueKeysWithValues: subscriptions.enumerated().map { ($1.id, $0) })
    }

    func customerPosition(_ id: String) -> Int? { customerIndex[id] }
    func subscriptionPosition(_ id: String) -> Int? { subscriptionIndex[id] }
    func invoicePosition(_ id: String) -> Int? { invoiceIndex[id] }
    func companyPosition(_ id: String) -> Int? { companyIndex[id] }

    // MARK: Changes, as the control endpoint makes them

    /// Marks up to `count` open invoices paid (each with its succeeded charge), renames `renamed` companies, archives
    /// `archived` companies, deletes `deleted` customers and records new activity of `contactsActive` contacts, with
    /// Stripe events and HubSpot modification times.
    func mutate(paid: Int, renamed: Int, archived: Int, deleted: Int, contactsActive: Int = 0) -> [String: Int] {
        var done = ["paid": 0, "renamed": 0, "archived": 0, "deleted": 0, "contacts_active": 0]
        for position in contacts.indices.prefix(contactsActive) {
            let now = Self.nowMilliseconds()
            contacts[position].modifiedMilliseconds = now
            contacts[position].lastActivityMilliseconds = now
            done["contacts_active", default: 0] += 1
        }
        for position in invoices.indices where done["paid", default: 0] < paid && invoices[position].status == "open" {
            tick()
            invoices[position].status = "paid"
            invoices[position].amountPaid = invoices[position].amountDue
            invoices[position].paidAt = now
            chargePaid(invoices[position])
            record("invoice.paid", StripeJSON.invoice(invoices[position]))
            done["paid", default: 0] += 1
        }
        for position in companies.indices where done["renamed", default: 0] < renamed && !companies[position].isArchived
        {
            tick()
            companies[position].name += " (renamed)"
            companies[position].modifiedMilliseconds = Self.nowMilliseconds()
            done["renamed", default: 0] += 1
        }
        for position in companies.indices.reversed()
        where done["archived", default: 0] < archived && !companies[position].isArchived {
            tick()
            companies[position].isArchived = true
            companies[position].modifiedMilliseconds = Self.nowMilliseconds()
            done["archived", default: 0] += 1
        }
        // A deleted customer's subscription ends with it.
        for position in customers.indices where done["deleted", default: 0] < deleted && !customers[position].isDeleted
        {
            if let sub = subscriptions.firstIndex(where: {
                $0.customer == customers[position].id && $0.canceledAt == nil
            }) {
                tick()
                subscriptions[sub].canceledAt = now
                record("customer.subscription.deleted", StripeJSON.subscription(subscriptions[sub]))
            }
            tick()
            customers[position].isDeleted = true
            record("customer.deleted", ["id": customers[position].id, "object": "customer", "deleted": true])
            done["deleted", default: 0] += 1
        }
        return done
    }

    /// Changes happen now (real time), so incremental syncs that bookmark by the clock see them.
    private static func nowMilliseconds() -> Int64 { Int64(Date().timeIntervalSince1970 * 1000) }

    func tick() { now = max(now + 1, Int64(Date().timeIntervalSince1970)) }

    func record(_ type: String, _ object: [String: Any]) {
        eventCounter += 1
        // Newest first, as Stripe lists events.
        let version = eventAPIVersion
        let rendered = version == StripeRoutes.apiVersion ? object : StripeJSON.beforeBasil(object)
        events.insert(
            SandboxEvent(
                id: "evt_" + String(format: "%010d", eventCounter), type: type, created: now, object: rendered,
                apiVersion: version),
            at: 0)
    }

    /// Counts and a checksum of what the Sandbox serves, for tests to compare a synced database with.
    func summary() -> [String: Any] {
        let liveCustomers = customers.filter { !$0.isDeleted }
        let liveCompanies = companies.filter { !$0.isArchived }
        let invoiceText = invoices.map { "\($0.id)|\($0.amountPaid)|\($0.status)|prod_\($0.product)" }.sorted()
            .joined(separator: "\n")
        let hubspotAndStripe: [String: Any] = [
            "companies": liveCompanies.count,
            "contacts": contacts.filter { !$0.isArchived }.count,
            "archived_companies": companies.count - liveCompanies.count,
            "customers": liveCustomers.count, "deleted_customers": customers.count - liveCustomers.count,
            "invoices": invoices.count, "invoice_checksum": Checksum.hex(invoiceText),
            "subscriptions": subscriptions.count,
            "canceled_subscriptions": subscriptions.filter { $0.canceledAt != nil }.count,
            "paid_invoices": invoices.filter { $0.status == "paid" }.count,
            "invoice_payments": invoices.filter(\.hasInvoicePayment).count, "events": events.count,
        ]
        return dealsAndTicketsSummary().merging(hubspotAndStripe) { $1 }.merging(chargeSummary()) { $1 }
    }
}

/// Collects the generated records the Sandbox serves in memory.
private final class Collector: GeneratorSink {
    var accounts: [[String]] = []
    var invoices: [[String]] = []
    var contacts: [[String]] = []
    var mrr: [[String]] = []
    var tickets: [[String]] = []

    func write(_ kind: ImportKind, _ fields: [String]) throws {
        switch kind {
        case .accounts: accounts.append(fields)
        case .invoices: invoices.append(fields)
        case .contacts: contacts.append(fields)
        case .mrr: mrr.append(fields)
        case .tickets: tickets.append(fields)
        default: break
        }
    }
}

/// The checksum the sync tests compare a synced database with: ScoreKit's `Fingerprint` of the text.
public enum Checksum {
    /// The checksum of a text.
    public static func hex(_ text: String) -> String { Fingerprint.hex(of: text) }
}

extension SandboxData {
    /// Purges up to `count` live companies (see `purge`); returns how many.
    func purgeCompanies(_ count: Int) -> Int {
        var done = 0
        for position in companies.indices.reversed() where done < count && !companies[position].isArchived {
            companies[position].isArchived = true
            companies[position].isPurged = true
            done += 1
        }
        return done
    }

    /// Deletes up to `count` live Stripe customers with no event (past the events' 30 days); returns how many.
    func purgeCustomers(_ count: Int) -> Int {
        var done = 0
        for position in customers.indices.reversed() where done < count && !customers[position].isDeleted {
            customers[position].isDeleted = true
            done += 1
        }
        return done
    }
}
