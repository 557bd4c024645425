import Foundation

/// Which invoice each payment pays, read from Stripe's invoice payments: since `2025-03-31.basil` a charge no longer
/// names its invoice (`charge.invoice` was removed); `/v1/invoice_payments` and `invoice.payments` link them instead
/// (https://docs.stripe.com/changelog/basil/2025-03-31/add-support-for-multiple-partial-payments-on-invoices).
///
/// An invoice payment names the PaymentIntent that pays it, or the charge itself when that charge has no
/// PaymentIntent; so a charge is found by its `payment_intent`, else by its own id. Shared by a listing's threads.
///
/// The links are kept in a `CompactStringMap`: in a SQLite scratch file (chosen over a `[String: String]` for memory),
/// storing and looking them up was a tenth of a 10k-account sync's CPU.
///
/// While an invoice payments listing reads into it, a charges listing can wait for the links of a page's charges
/// (`invoices(of:waiting:)`): each page of links read wakes it.
final class StripeInvoiceLinks: @unchecked Sendable {
    private let condition = NSCondition()
    private var links = CompactStringMap()
    /// False while an invoice payments listing is reading into the links.
    private var complete = true

    /// Notes the invoice an invoice payment pays; false for an object that is not an invoice payment naming both.
    @discardableResult
    func add(_ invoicePayment: [String: Any]) throws -> Bool {
        try add(contentsOf: [invoicePayment]) == 1
    }

    /// Notes the invoices a page of invoice payments pay; how many were invoice payments.
    func add(contentsOf objects: [[String: Any]]) throws -> Int {
        let found = objects.compactMap(Self.link)
        condition.lock()
        defer { condition.unlock() }
        for (payment, invoice) in found { links.set(payment, invoice) }
        condition.broadcast()
        return found.count
    }

    /// Says that an invoice payments listing has started reading into the links (`true`: it has ended, however).
    func listing(ended: Bool) {
        condition.lock()
        defer { condition.unlock() }
        complete = ended
        condition.broadcast()
    }

    /// The invoice each of a page's `objects` pays, nil for one that is not a charge or has no link, looked up once
    /// for the page; `linked` says whether every charge among them has one.
    ///
    /// With `waiting`, first waits until every charge has its invoice among the links, or the listing reading them has
    /// ended (a charge then left unlinked pays no invoice, or the listing failed).
    func invoices(of objects: [[String: Any]], waiting: Bool) -> (invoices: [String?], linked: Bool) {
        let keys = objects.map { $0["object"] as? String == "charge" ? Self.paymentKey(of: $0) : nil }
        condition.lock()
        defer { condition.unlock() }
        var invoices = [String?](repeating: nil, count: keys.count)
        var unlinked = Array(keys.indices.filter { keys[$0] != nil })
        while true {
            unlinked.removeAll { index in
                invoices[index] = keys[index].flatMap(links.value(of:))
                return invoices[index] != nil
            }
            if unlinked.isEmpty || !waiting || complete { return (invoices, unlinked.isEmpty) }
            condition.wait()
        }
    }

    /// The invoice a charge paid (or tried to), when an invoice payment noted here names its PaymentIntent or it.
    func invoice(of charge: [String: Any]) throws -> String? {
        guard let key = Self.paymentKey(of: charge) else { return nil }
        condition.lock()
        defer { condition.unlock() }
        return links.value(of: key)
    }

    /// Every key `link` reads: an invoice payments listing parses only these.
    static let fields: Set<String> = ["id", "object", "invoice", "payment", "payment_intent", "charge"]

    /// The payment and the invoice an invoice payment links, or nil for any other object.
    private static func link(_ invoicePayment: [String: Any]) -> (payment: String, invoice: String)? {
        guard invoicePayment["object"] as? String == "invoice_payment",
            let invoice = id(invoicePayment["invoice"]),
            let payment = invoicePayment["payment"] as? [String: Any],
            let key = id(payment["payment_intent"]) ?? id(payment["charge"])
        else { return nil }
        return (key, invoice)
    }

    /// What an invoice payment names a charge by: its PaymentIntent when it has one, else the charge's id.
    static func paymentKey(of charge: [String: Any]) -> String? {
        id(charge["payment_intent"]) ?? (charge["id"] as? String)
    }

    /// An expandable field's id: the string itself, or the expanded object's `id`.
    static func id(_ field: Any?) -> String? {
        field as? String ?? (field as? [String: Any])?["id"] as? String
    }
}
