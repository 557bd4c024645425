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
final class StripeInvoiceLinks: @unchecked Sendable {
    private let lock = NSLock()
    private var links = CompactStringMap()

    /// Notes the invoice an invoice payment pays; false for an object that is not an invoice payment naming both.
    @discardableResult
    func add(_ invoicePayment: [String: Any]) throws -> Bool {
        try add(contentsOf: [invoicePayment]) == 1
    }

    /// Notes the invoices a page of invoice payments pay; how many were invoice payments.
    func add(contentsOf objects: [[String: Any]]) throws -> Int {
        let found = objects.compactMap(Self.link)
        lock.lock()
        defer { lock.unlock() }
        for (payment, invoice) in found { links.set(payment, invoice) }
        return found.count
    }

    /// The invoice a charge paid (or tried to), when an invoice payment noted here names its PaymentIntent or it.
    func invoice(of charge: [String: Any]) throws -> String? {
        guard let key = Self.paymentKey(of: charge) else { return nil }
        lock.lock()
        defer { lock.unlock() }
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
