import Foundation
import Store

/// A Stripe object's canonical rows, mapped without the database, so a listing maps each page on its fetching thread
/// while the page before is written; rows of per-account tables are filed under their customer's account then.
enum StripeRows {
    /// A customer's own account row.
    case customer(id: String, AccountRow)
    /// Rows to file under a customer's account, each with its external id.
    case filed(customer: String, [(externalID: String, row: any AccountFiledRow)])

    /// Every key `of(_:invoice:)` reads, at any depth of a listed object (its mapping's and the invoice links'): a
    /// listing parses only these (`JSONReader.list`), and a test maps every Sandbox object both ways.
    static let fields: Set<String> = [
        "id", "object", "customer", "created", "deleted",
        // customers
        "name", "email", "metadata", "hubspot_company_id",
        // subscriptions
        "items", "data", "price", "unit_amount", "quantity", "recurring", "interval", "interval_count", "ended_at",
        "canceled_at",
        // invoices
        "status", "status_transitions", "paid_at", "due_date", "amount_due", "amount_paid", "currency", "lines",
        "pricing", "price_details", "product",
        // charges
        "amount", "failure_code", "disputed", "amount_refunded", "payment_intent",
    ]

    /// The rows of a customer, subscription, invoice or charge (`invoice`: the one the charge pays, looked up by the
    /// caller); nil for other objects, objects without an id, and charges without a customer (a guest payment belongs
    /// to no account).
    ///
    /// Throws when a field a row needs is missing.
    static func of(_ object: [String: Any], invoice: String?) throws -> StripeRows? {
        guard let id = object["id"] as? String else { return nil }
        let kind = object["object"] as? String
        if kind == "customer" { return .customer(id: id, try StripeMapping.account(object)) }
        guard let customer = object["customer"] as? String else { return nil }
        switch kind {
        case "subscription":
            guard let created = try StripeMapping.day(object, "created") else {
                throw MissingField(record: "subscription \(id)", field: "created")
            }
            var rows: [(externalID: String, row: any AccountFiledRow)] = [
                (
                    id + ":start",
                    MRRChangeRow(
                        accountID: 0, effectiveDate: created, mrrCents: try StripeMapping.monthlyAmount(object),
                        changeType: "new")
                )
            ]
            let endKey = object["ended_at"] == nil ? "canceled_at" : "ended_at"  // a null ended_at: not ended yet
            if let ended = try StripeMapping.day(object, endKey) {
                rows.append(
                    (id + ":end", MRRChangeRow(accountID: 0, effectiveDate: ended, mrrCents: 0, changeType: "churn")))
            }
            return .filed(customer: customer, rows)
        case "invoice":
            return .filed(customer: customer, [(id, try StripeMapping.invoice(object, account: 0))])
        case "charge":
            let row = try StripeMapping.payment(object, invoice: invoice, account: 0)
            return .filed(customer: customer, [(id, row)])
        default:
            return nil
        }
    }
}
