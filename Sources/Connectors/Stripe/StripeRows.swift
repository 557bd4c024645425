import Foundation
import Store

/// A Stripe object's canonical rows, mapped without the database, so a listing maps each page on its fetching thread
/// while the page before is written.
///
/// A row's first column is its account, filled in when written.
struct StripeRows {
    /// The table the rows go to.
    let table: CanonicalTable
    /// The customer whose account row heads each row; nil for a customer itself.
    let customer: String?
    /// Each row's external id and values (the first a placeholder when `customer` is set).
    let rows: [(externalID: String, values: [SQLValue])]

    /// The rows of a customer, subscription, invoice or charge (its invoice found in `links`); nil for other objects,
    /// objects without an id, and charges without a customer (a guest payment belongs to no account).
    ///
    /// Throws when a field a row needs is missing.
    static func of(_ object: [String: Any], links: StripeInvoiceLinks) throws -> StripeRows? {
        guard let id = object["id"] as? String else { return nil }
        let customer = object["customer"] as? String
        switch object["object"] as? String {
        case "customer":
            return StripeRows(table: .accounts, customer: nil, rows: [(id, try StripeMapping.account(object))])
        case "subscription":
            guard let customer else { return nil }
            var rows: [(externalID: String, values: [SQLValue])] = [
                (
                    id + ":start",
                    [
                        .integer(0), try StripeMapping.day(object, "created").sqlValue,
                        .integer(try StripeMapping.monthlyAmount(object)), "new",
                    ]
                )
            ]
            let endKey = object["ended_at"] == nil ? "canceled_at" : "ended_at"  // a null ended_at: not ended yet
            if let ended = try StripeMapping.day(object, endKey) {
                rows.append((id + ":end", [.integer(0), .text(ended), .integer(0), "churn"]))
            }
            return StripeRows(table: .mrrChanges, customer: customer, rows: rows)
        case "invoice":
            guard let customer else { return nil }
            return StripeRows(
                table: .invoices, customer: customer, rows: [(id, try StripeMapping.invoice(object, account: 0))])
        case "charge":
            guard let customer else { return nil }
            let row = try StripeMapping.payment(object, invoice: links.invoice(of: object), account: 0)
            return StripeRows(table: .payments, customer: customer, rows: [(id, row)])
        default:
            return nil
        }
    }
}
