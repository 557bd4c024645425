import Foundation
import Store

/// Stripe objects as canonical rows: unix seconds to days, integer minor units and lower-case currency kept.
enum StripeMapping {
    /// An `accounts` row: name, e-mail domain, created day, `metadata.hubspot_company_id` as the CRM link.
    static func account(_ customer: [String: Any]) -> [SQLValue] {
        let metadata = customer["metadata"] as? [String: Any] ?? [:]
        let email = customer["email"] as? String
        let domain = email.flatMap { $0.split(separator: "@").last.map(String.init) }
        return [
            (customer["name"] as? String).sqlValue, domain.sqlValue, .null, .null, .null,
            day(customer["created"]).sqlValue, .null, .null, .null, .null,
            (metadata["hubspot_company_id"] as? String).sqlValue,
        ]
    }

    /// A subscription's monthly amount: each item's unit amount × quantity, per month of its price's interval.
    static func monthlyAmount(_ subscription: [String: Any]) -> Int64 {
        let items = (subscription["items"] as? [String: Any])?["data"] as? [[String: Any]] ?? []
        let monthly = items.reduce(0.0) { total, item in
            let price = item["price"] as? [String: Any] ?? [:]
            let recurring = price["recurring"] as? [String: Any] ?? [:]
            let amount = Double(integer(price["unit_amount"])) * Double(integer(item["quantity"] ?? 1))
            return total
                + MonthlyAmount.of(
                    amount, every: integer(recurring["interval_count"] ?? 1), recurring["interval"] as? String)
        }
        return Int64(monthly.rounded())
    }

    /// An `invoices` row filed under `account`: created, due and paid days, amounts due and paid, the first line's
    /// product (basil's `lines.data[].pricing.price_details.product`; the line's `price` is gone since 2025-03-31).
    static func invoice(_ invoice: [String: Any], account: Int64) -> [SQLValue] {
        let transitions = invoice["status_transitions"] as? [String: Any] ?? [:]
        let lines = (invoice["lines"] as? [String: Any])?["data"] as? [[String: Any]] ?? []
        let pricing = lines.first?["pricing"] as? [String: Any]
        let product = StripeInvoiceLinks.id((pricing?["price_details"] as? [String: Any])?["product"])
        return [
            .integer(account), day(invoice["created"]).sqlValue, day(invoice["due_date"]).sqlValue,
            day(transitions["paid_at"]).sqlValue, .integer(integer(invoice["amount_due"])),
            .integer(integer(invoice["amount_paid"])), (invoice["currency"] as? String).sqlValue,
            (invoice["status"] as? String).sqlValue, product.sqlValue,
        ]
    }

    /// A `payments` row filed under `account`: the invoice it pays (found through invoice payments: basil's charge
    /// names none), created day, `amount`, currency, status (succeeded, pending or failed), `failure_code`, 1 when
    /// `disputed`, and `amount_refunded`.
    static func payment(_ charge: [String: Any], invoice: String?, account: Int64) throws -> [SQLValue] {
        let record = "charge \(charge["id"] as? String ?? "without an id")"
        guard let created = day(charge["created"]) else { throw MissingField(record: record, field: "created") }
        guard let amount = JSONNumber.int64(charge["amount"]) else { throw MissingField(record: record, field: "amount") }
        guard let status = charge["status"] as? String else { throw MissingField(record: record, field: "status") }
        return [
            .integer(account), invoice.sqlValue, .text(created), .integer(amount),
            (charge["currency"] as? String).sqlValue, .text(status), (charge["failure_code"] as? String).sqlValue,
            .integer(charge["disputed"] as? Bool == true ? 1 : 0), .integer(integer(charge["amount_refunded"])),
        ]
    }

    /// The id of the charge a dispute is about (`charge` is an id, or the charge itself when expanded).
    static func disputedCharge(_ dispute: [String: Any]) -> String? {
        dispute["charge"] as? String ?? (dispute["charge"] as? [String: Any])?["id"] as? String
    }

    /// `2025-06-04` for unix seconds.
    static func day(_ value: Any?) -> String? { UnixDay.text(value) }

    static func integer(_ value: Any?) -> Int64 { JSONNumber.int64(value) ?? 0 }
}
