import Foundation
import Store

/// Stripe objects as canonical rows: unix seconds to days, integer minor units and lower-case currency kept.
///
/// A number no column can hold (`CheckedNumber`) throws `OutOfRange` naming the field; the record is left out.
enum StripeMapping {
    /// An `accounts` row: name, e-mail domain, created day, `metadata.hubspot_company_id` as the CRM link.
    static func account(_ customer: [String: Any]) throws -> AccountRow {
        let metadata = customer["metadata"] as? [String: Any] ?? [:]
        let email = customer["email"] as? String
        return AccountRow(
            name: customer["name"] as? String, domain: email.flatMap { $0.split(separator: "@").last.map(String.init) },
            createdDate: try day(customer, "created"), crmLink: metadata["hubspot_company_id"] as? String)
    }

    /// A subscription's monthly amount: each item's unit amount × quantity, per month of its price's interval.
    static func monthlyAmount(_ subscription: [String: Any]) throws -> Int64 {
        let items = (subscription["items"] as? [String: Any])?["data"] as? [[String: Any]] ?? []
        let monthly = try items.reduce(0.0) { total, item in
            let price = item["price"] as? [String: Any] ?? [:]
            let recurring = price["recurring"] as? [String: Any] ?? [:]
            let charged = try CheckedNumber.product(
                try amount(price, "items.price.unit_amount"), try amount(item, "items.quantity", default: 1),
                field: "items.price.unit_amount × quantity")
            let every = try amount(recurring, "items.price.recurring.interval_count", default: 1)
            return total + MonthlyAmount.of(Double(charged), every: every, recurring["interval"] as? String)
        }
        return try CheckedNumber.minorUnits(monthly, field: "items (monthly amount)")
    }

    /// An `invoices` row filed under `account`: created, due and paid days, amounts due and paid, the first line's
    /// product (basil's `lines.data[].pricing.price_details.product`; the line's `price` is gone since 2025-03-31).
    static func invoice(_ invoice: [String: Any], account: Int64) throws -> InvoiceRow {
        let record = "invoice \(invoice["id"] as? String ?? "without an id")"
        let transitions = invoice["status_transitions"] as? [String: Any] ?? [:]
        let lines = (invoice["lines"] as? [String: Any])?["data"] as? [[String: Any]] ?? []
        let pricing = lines.first?["pricing"] as? [String: Any]
        guard let created = try day(invoice, "created") else { throw MissingField(record: record, field: "created") }
        guard let status = invoice["status"] as? String else { throw MissingField(record: record, field: "status") }
        return InvoiceRow(
            accountID: account, issuedDate: created, dueDate: try day(invoice, "due_date"),
            paidDate: try day(transitions, "paid_at", field: "status_transitions.paid_at"),
            amountDueCents: try amount(invoice, "amount_due"), amountPaidCents: try amount(invoice, "amount_paid"),
            currency: invoice["currency"] as? String, status: status,
            product: StripeInvoiceLinks.id((pricing?["price_details"] as? [String: Any])?["product"]))
    }

    /// A `payments` row filed under `account`: the invoice it pays (found through invoice payments: basil's charge
    /// names none), created day, `amount`, currency, status (succeeded, pending or failed), `failure_code`, 1 when
    /// `disputed`, and `amount_refunded`.
    static func payment(_ charge: [String: Any], invoice: String?, account: Int64) throws -> PaymentRow {
        let record = "charge \(charge["id"] as? String ?? "without an id")"
        guard let created = try day(charge, "created") else { throw MissingField(record: record, field: "created") }
        guard let amount = try CheckedNumber.minorUnits(charge["amount"], field: "amount") else {
            throw MissingField(record: record, field: "amount")
        }
        guard let status = charge["status"] as? String else { throw MissingField(record: record, field: "status") }
        return PaymentRow(
            accountID: account, invoiceExternalID: invoice, createdDate: created, amountCents: amount,
            currency: charge["currency"] as? String, status: status, failureCode: charge["failure_code"] as? String,
            disputed: charge["disputed"] as? Bool == true, refundedCents: try self.amount(charge, "amount_refunded"))
    }

    /// The id of the charge a dispute is about (`charge` is an id, or the charge itself when expanded).
    static func disputedCharge(_ dispute: [String: Any]) -> String? {
        dispute["charge"] as? String ?? (dispute["charge"] as? [String: Any])?["id"] as? String
    }

    /// `2025-06-04` for the unix seconds in `object[key]`, or nil when absent; `field` names it when out of range.
    static func day(_ object: [String: Any], _ key: String, field: String? = nil) throws -> String? {
        try CheckedNumber.day(object[key], field: field ?? key)
    }

    /// The whole number in `object[key]` (minor units, a quantity), `default` when absent; a dotted `field` names
    /// where the object sits (`items.quantity`), and its last part is the key.
    static func amount(_ object: [String: Any], _ field: String, default value: Int64 = 0) throws -> Int64 {
        // By bytes: String.lastIndex(of:) walks Characters back from the end, 1% of a sync's CPU for undotted fields.
        let key = field.utf8.lastIndex(of: UInt8(ascii: ".")).map { String(field[field.index(after: $0)...]) } ?? field
        return try CheckedNumber.minorUnits(object[key], field: field) ?? value
    }
}
