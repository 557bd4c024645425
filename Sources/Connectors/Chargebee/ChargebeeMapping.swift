import Foundation
import Store

/// Chargebee customers, subscriptions and invoices as canonical rows: unix seconds to days, integer minor units kept,
/// `currency_code` lower-cased like Stripe's.
///
/// A number no column can hold throws `OutOfRange`; the record is left out.
enum ChargebeeMapping {
    /// An `accounts` row: company (or the person's name), e-mail domain, created day, the CRM id in `linkField`.
    static func account(_ customer: [String: Any], linkField: String?) throws -> AccountRow {
        let person = [customer["first_name"] as? String, customer["last_name"] as? String].compactMap { $0 }.joined(
            separator: " ")
        return AccountRow(
            name: (customer["company"] as? String) ?? (person.isEmpty ? nil : person),
            domain: (customer["email"] as? String).flatMap { $0.split(separator: "@").last.map { $0.lowercased() } },
            createdDate: try day(customer, "created_at"),
            crmLink: linkField.flatMap { customer[$0] as? String }.flatMap { $0.isEmpty ? nil : $0 })
    }

    /// An `invoices` row filed under `account`: `date`, `due_date`, `paid_at`, `total`, `amount_paid`, the status
    /// mapped onto paid/open/uncollectible/void, and the first line's item price as the product.
    static func invoice(_ invoice: [String: Any], account: Int64) throws -> InvoiceRow {
        let lines = invoice["line_items"] as? [[String: Any]] ?? []
        let deleted = invoice["deleted"] as? Bool == true
        guard let issued = try day(invoice, "date") else {
            throw MissingField(record: "invoice \(invoice["id"] as? String ?? "without an id")", field: "date")
        }
        return InvoiceRow(
            accountID: account, issuedDate: issued, dueDate: try day(invoice, "due_date"),
            paidDate: try day(invoice, "paid_at"), amountDueCents: try integer(invoice, "total"),
            amountPaidCents: try integer(invoice, "amount_paid"),
            currency: (invoice["currency_code"] as? String).map { $0.lowercased() },
            status: ChargebeeErrors.invoiceStatus(invoice["status"] as? String, deleted: deleted),
            product: lines.first?["entity_id"] as? String)
    }

    /// A subscription's `mrr_changes` rows filed under `account`: its monthly amount from the day it started
    /// (`started_at`, else `created_at`), and, once `cancelled`, 0 from `cancelled_at`.
    static func mrrChanges(
        _ subscription: [String: Any], account: Int64
    ) throws -> (start: MRRChangeRow, end: MRRChangeRow?) {
        let record = "subscription \(subscription["id"] as? String ?? "without an id")"
        guard let started = try day(subscription, "started_at") ?? day(subscription, "created_at") else {
            throw MissingField(record: record, field: "started_at")
        }
        let start = MRRChangeRow(
            accountID: account, effectiveDate: started, mrrCents: try monthlyAmount(subscription), changeType: "new")
        guard subscription["status"] as? String == "cancelled" else { return (start, nil) }
        guard let cancelled = try day(subscription, "cancelled_at") else {
            throw MissingField(record: record, field: "cancelled_at")
        }
        return (start, MRRChangeRow(accountID: account, effectiveDate: cancelled, mrrCents: 0, changeType: "churn"))
    }

    /// A subscription's monthly amount in minor units, at list price as Stripe's are: its recurring items (plan and
    /// addons; `amount`, else `unit_price` × `quantity`), or on the older catalogue `plan_amount` (else
    /// `plan_unit_price` × `plan_quantity`) plus `addons`, per month of `billing_period` `billing_period_unit`.
    ///
    /// Chargebee's own `mrr` (0 once cancelled) only when the subscription carries no prices.
    static func monthlyAmount(_ subscription: [String: Any]) throws -> Int64 {
        let items = (subscription["subscription_items"] as? [[String: Any]])?.filter {
            $0["item_type"] as? String != "charge"  // one-time charges recur in no month
        }
        let addons = subscription["addons"] as? [[String: Any]] ?? []
        let perPeriod: Int64
        if let items, !items.isEmpty {
            perPeriod = try sum(items.map { try amount($0, "subscription_items") })
        } else if subscription["plan_amount"] != nil || subscription["plan_unit_price"] != nil {
            let plan =
                subscription["plan_amount"] != nil
                ? try integer(subscription, "plan_amount")
                : try CheckedNumber.product(
                    try integer(subscription, "plan_unit_price"),
                    try integer(subscription, "plan_quantity", default: 1),
                    field: "plan_unit_price × plan_quantity")
            perPeriod = try sum([plan] + addons.map { try amount($0, "addons") })
        } else {
            return try integer(subscription, "mrr")
        }
        let period = try integer(subscription, "billing_period", default: 1)
        let monthly = MonthlyAmount.of(Double(perPeriod), every: period, subscription["billing_period_unit"] as? String)
        return try CheckedNumber.minorUnits(monthly, field: "monthly amount")
    }

    /// An item's or addon's price for one billing period: `amount`, else `unit_price` × `quantity`.
    private static func amount(_ item: [String: Any], _ list: String) throws -> Int64 {
        if item["amount"] != nil { return try integer(item, "amount", field: "\(list).amount") }
        return try CheckedNumber.product(
            try integer(item, "unit_price", field: "\(list).unit_price"),
            try integer(item, "quantity", default: 1, field: "\(list).quantity"), field: "\(list).unit_price × quantity"
        )
    }

    private static func sum(_ amounts: [Int64]) throws -> Int64 {
        try amounts.reduce(0) { try CheckedNumber.minorUnits($0 + $1, field: "the sum of the prices") }
    }

    /// `2025-06-04` for the unix seconds in `object[key]`, or nil when absent.
    static func day(_ object: [String: Any], _ key: String) throws -> String? {
        try CheckedNumber.day(object[key], field: key)
    }

    /// The whole number in `object[key]` (minor units, a quantity), `default` when absent.
    static func integer(_ object: [String: Any], _ key: String, default value: Int64 = 0, field: String? = nil) throws
        -> Int64
    {
        try CheckedNumber.minorUnits(object[key], field: field ?? key) ?? value
    }
}
