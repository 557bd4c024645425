import Foundation

/// Which invoice each payment pays, read from Stripe's invoice payments: since `2025-03-31.basil` a charge no longer
/// names its invoice (`charge.invoice` was removed); `/v1/invoice_payments` and `invoice.payments` link them instead
/// (https://docs.stripe.com/changelog/basil/2025-03-31/add-support-for-multiple-partial-payments-on-invoices).
///
/// An invoice payment names the PaymentIntent that pays it, or the charge itself when that charge has no
/// PaymentIntent; so a charge is found by its `payment_intent`, else by its own id. Shared by a listing's threads.
final class StripeInvoiceLinks: @unchecked Sendable {
    private let lock = NSLock()
    private var invoices: [String: String] = [:]

    /// Notes the invoice an invoice payment pays; false for an object that is not an invoice payment naming both.
    @discardableResult
    func add(_ invoicePayment: [String: Any]) -> Bool {
        guard invoicePayment["object"] as? String == "invoice_payment",
            let invoice = Self.id(invoicePayment["invoice"]),
            let payment = invoicePayment["payment"] as? [String: Any],
            let key = Self.id(payment["payment_intent"]) ?? Self.id(payment["charge"])
        else { return false }
        lock.lock()
        defer { lock.unlock() }
        invoices[key] = invoice
        return true
    }

    /// The invoice a charge paid (or tried to), when an invoice payment noted here names its PaymentIntent or it.
    func invoice(of charge: [String: Any]) -> String? {
        guard let key = Self.paymentKey(of: charge) else { return nil }
        lock.lock()
        defer { lock.unlock() }
        return invoices[key]
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
