import Foundation

/// Invoice payments: how a basil charge is tied to its invoice.
extension StripeSource {
    /// Reads every invoice payment into `links` (newest first, as listed), so the charges listed next find their
    /// invoices. Nothing is written of them but each payment's `invoice_external_id`; they are read afresh whenever
    /// charges are listed, so a resumed listing has them too.
    func listInvoicePayments() throws {
        var cursor: String?
        var seen = Set<String>()
        var number = 0
        while true {
            number += 1
            let what = "\(name) invoice_payments page \(number)"
            let path =
                "/v1/invoice_payments?limit=\(context.settings.pageSize)"
                + (cursor.map { "&starting_after=\($0)" } ?? "")
            let page = try StripePaging.page(what: what, fetch: { try fetch(path, what: what) }, body: { $0 })
            let objects = page["data"] as? [[String: Any]] ?? []
            for object in objects { links.add(object) }
            context.progress("\(name) invoice_payments: page \(number)")
            guard StripePaging.hasMore(page), let last = objects.last?["id"] as? String else { return }
            guard seen.insert(last).inserted else {
                throw SyncError(
                    what: "\(name) invoice_payments", reason: "the cursor \(last) repeated; stopping instead of looping"
                )
            }
            cursor = last
        }
    }

    /// The invoice a charge paid or tried to: from the invoice payments read, else asked of `/v1/invoice_payments`
    /// by the charge's PaymentIntent (a charge seen in an event after the listing). Nil when none names it.
    func invoice(of charge: [String: Any]) throws -> String? {
        if let known = links.invoice(of: charge) { return known }
        guard let intent = StripeInvoiceLinks.id(charge["payment_intent"]) else { return nil }
        let page = try fetch(
            "/v1/invoice_payments?limit=10&payment%5Btype%5D=payment_intent&payment%5Bpayment_intent%5D=\(intent)",
            what: "\(name) invoice payments of \(intent)")
        for object in page["data"] as? [[String: Any]] ?? [] { links.add(object) }
        return links.invoice(of: charge)
    }
}
