import Connectors
import Foundation
import Testing

@testable import Sandbox

@Test func aCachedListIsByteForByteTheListWrittenWhole() throws {
    let invoices = [
        SandboxInvoice(
            id: "in_1", customer: "cus_1", created: 1_700_000_000, dueDate: nil, paidAt: 1_700_086_400,
            amountDue: 4_900, amountPaid: 4_900, status: "paid", product: "core"),
        SandboxInvoice(
            id: "in_2", customer: "cus_2", created: 1_700_000_100, dueDate: 1_702_592_100, paidAt: nil,
            amountDue: 120_000, amountPaid: 0, status: "open", product: "analytics \"pro\""),
    ]
    let cache = RenderedObjects(render: StripeJSON.invoice)
    let whole: [String: Any] = [
        "object": "list", "url": "/v1/invoices", "has_more": true, "data": invoices.map(StripeJSON.invoice),
    ]
    let cached = StripeJSON.list(
        url: "/v1/invoices", rendered: invoices.map { cache.bytes($0, id: $0.id) }, hasMore: true)
    #expect(cached == CanonicalJSON.bytes(whole))
    #expect(
        StripeJSON.list(url: "/v1/x", rendered: [], hasMore: false)
            == CanonicalJSON.bytes(
                ["object": "list", "url": "/v1/x", "has_more": false, "data": [Any]()] as [String: Any]))
}

@Test func aChangedObjectIsRenderedAgain() throws {
    var invoice = SandboxInvoice(
        id: "in_1", customer: "cus_1", created: 1, dueDate: nil, paidAt: nil, amountDue: 10,
        amountPaid: 0, status: "open", product: "core")
    let cache = RenderedObjects(render: StripeJSON.invoice)
    let open = cache.bytes(invoice, id: invoice.id)
    invoice.status = "paid"
    invoice.amountPaid = 10
    let paid = cache.bytes(invoice, id: invoice.id)
    #expect(open != paid)
    #expect(paid == CanonicalJSON.bytes(StripeJSON.invoice(invoice)))
}
