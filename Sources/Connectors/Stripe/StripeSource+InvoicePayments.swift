import Foundation

/// Invoice payments: how a basil charge is tied to its invoice.
extension StripeSource {
    /// Starts reading every invoice payment into `links`, on a connection and thread of their own (while customers are
    /// listed); `next()` on the answer returns how many were read once all are, or throws the listing's error.
    ///
    /// The charges listed after find their invoices there. Nothing is written of invoice payments but each payment's
    /// `invoice_external_id`; they are read afresh whenever charges are listed, so a resumed listing has them too.
    func startInvoicePayments() throws -> PagePrefetcher<Int> {
        let client = try context.listingClient()
        links.listing(ended: false)
        return PagePrefetcher { deliver in
            // A charges listing waiting for links stops waiting, even when this one fails.
            defer { links.listing(ended: true) }
            try deliver(try listInvoicePayments(on: client))
        }
    }

    /// Reads every invoice payment into `links` (newest first, as listed) on `client`; how many there were.
    private func listInvoicePayments(on client: HTTPClient) throws -> Int {
        var cursor: String?
        var seen = Set<String>()
        var number = 0
        var count = 0
        while true {
            number += 1
            let what = "\(name) invoice_payments page \(number)"
            let path =
                "/v1/invoice_payments?limit=\(context.settings.pageSize)"
                + (cursor.map { "&starting_after=" + ServerURL.queryValue($0) } ?? "")
            let page = try StripePaging.page(
                what: what,
                fetch: {
                    try context.fetchList(
                        path, listKey: "data", recordFields: StripeInvoiceLinks.fields, headers: headers, on: client,
                        what: what, classify: Self.classify)
                },
                body: \.body)
            count += try links.add(contentsOf: page.records.map(\.object))
            guard StripePaging.hasMore(page.body), let last = page.records.last?.object["id"] as? String else {
                return count
            }
            guard seen.insert(last).inserted else {
                throw SyncError(
                    what: "\(name) invoice_payments", reason: "the cursor \(last) repeated; stopping instead of looping"
                )
            }
            cursor = last
        }
    }

    /// The invoice a charge paid or tried to: from the invoice payments read, else asked of `/v1/invoice_payments` by
    /// the charge's PaymentIntent (a charge seen in an event after the listing).
    ///
    /// Nil when none names it.
    func invoice(of charge: [String: Any]) throws -> String? {
        if let known = try links.invoice(of: charge) { return known }
        guard let intent = StripeInvoiceLinks.id(charge["payment_intent"]) else { return nil }
        let page = try fetch(
            "/v1/invoice_payments?limit=10&payment%5Btype%5D=payment_intent&payment%5Bpayment_intent%5D=\(intent)",
            what: "\(name) invoice payments of \(intent)")
        _ = try links.add(contentsOf: page["data"] as? [[String: Any]] ?? [])
        return try links.invoice(of: charge)
    }
}
