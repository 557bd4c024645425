import Foundation

/// Stripe's invoice payments as the Sandbox serves them (API `2025-05-28.basil`): each finalized invoice has its
/// default invoice payment, naming the PaymentIntent every charge collecting the invoice belongs to. Since basil this
/// is the only link from a charge to its invoice (https://docs.stripe.com/api/invoice-payment/object).
extension SandboxInvoice {
    /// The invoice's id without its `in_` prefix, which its PaymentIntent and invoice payment share.
    var stem: String { String(id.dropFirst("in_".count)) }

    /// The PaymentIntent that collects the invoice.
    var paymentIntent: String { "pi_" + stem }

    /// Its default invoice payment's id.
    var invoicePaymentID: String { "inpay_" + stem }

    /// Whether it has an invoice payment: Stripe makes the default one when an invoice is finalized, so a draft has
    /// none.
    var hasInvoicePayment: Bool { status != "draft" }

    /// The invoice a PaymentIntent of the Sandbox collects.
    static func invoiceID(paymentIntent: String) -> String? {
        paymentIntent.hasPrefix("pi_") ? "in_" + paymentIntent.dropFirst("pi_".count) : nil
    }

    /// The invoice a Sandbox invoice payment id belongs to.
    static func invoiceID(invoicePayment: String) -> String? {
        invoicePayment.hasPrefix("inpay_") ? "in_" + invoicePayment.dropFirst("inpay_".count) : nil
    }
}

extension StripeJSON {
    /// An invoice's default invoice payment: paid with the invoice, canceled when it is void, open otherwise.
    static func invoicePayment(_ invoice: SandboxInvoice) -> [String: Any] {
        let status = invoice.status == "paid" ? "paid" : invoice.status == "void" ? "canceled" : "open"
        return [
            "id": invoice.invoicePaymentID, "object": "invoice_payment", "amount_requested": invoice.amountDue,
            "amount_paid": status == "paid" ? invoice.amountPaid as Any : NSNull(), "created": invoice.created,
            "currency": "usd", "invoice": invoice.id, "is_default": true, "livemode": false,
            "payment": ["type": "payment_intent", "payment_intent": invoice.paymentIntent], "status": status,
            "status_transitions": [
                "canceled_at": NSNull(),
                "paid_at": status == "paid" ? invoice.paidAt.map { $0 as Any } ?? NSNull() : NSNull(),
            ],
        ]
    }
}
