import Foundation
import Store
import Testing

@testable import Connectors

/// Stripe's published basil objects, and each with a field the source reads set as a listing may send it.
private func listedObjects() throws -> [(name: String, object: [String: Any])] {
    let customer = try stripeFixture("customer")
    let subscription = try stripeFixture("subscription")
    let invoice = try stripeFixture("invoice")
    let charge = try setting(try stripeFixture("charge"), ["customer"], json: #""cus_QXg1o8vcGmoR32""#)
    return [
        ("customer", customer), ("subscription", subscription), ("invoice", invoice), ("charge", charge),
        ("customer with a CRM link", try setting(customer, ["metadata", "hubspot_company_id"], json: #""18000042""#)),
        ("deleted customer", try stripeFixture("deleted_customer")),
        ("ended subscription", try setting(subscription, ["ended_at"], json: "1751587200")),
        ("canceled subscription", try setting(subscription, ["canceled_at"], json: "1751587200")),
        (
            "yearly price",
            try setting(subscription, ["items", "data", "0", "price", "recurring", "interval"], json: #""year""#)
        ),
        ("paid invoice", try setting(invoice, ["status_transitions", "paid_at"], json: "1751587200")),
        (
            "expanded product",
            try setting(
                invoice, ["lines", "data", "0", "pricing", "price_details", "product"],
                json: #"{"id":"prod_x","object":"product","name":"Core"}"#)
        ),
        ("charge of an invoice", try setting(charge, ["payment_intent"], json: #""pi_1""#)),
        ("refunded charge", try setting(charge, ["amount_refunded"], json: "1200")),
        ("disputed charge", try setting(charge, ["disputed"], json: "true")),
    ]
}

/// A list page of `objects`, as Stripe sends one.
private func page(_ objects: [[String: Any]]) -> [UInt8] {
    CanonicalJSON.bytes(["object": "list", "url": "/v1/x", "has_more": false, "data": objects])
}

/// A page's records read as a listing reads them, keeping `fields` (or all).
private func records(_ bytes: [UInt8], keeping fields: Set<String>?) throws -> [[String: Any]] {
    let (object, _) = try JSONReader.list(bytes, listKey: "data", recordFields: fields)
    return object["data"] as? [[String: Any]] ?? []
}

/// What a record's rows hold, to compare: the customer or account id, then each row's external id and values.
private func contents(_ rows: StripeRows?) -> [[SQLValue]] {
    switch rows {
    case .customer(let id, let row): return [[.text(id)] + row.values]
    case .filed(let customer, let rows):
        return [[.text(customer)]] + rows.map { [.text($0.externalID)] + $0.row.values }
    case nil: return []
    }
}

@Test func aListingThatParsesOnlyTheFieldsTheMappingReadsMapsEveryPublishedObjectAlike() throws {
    let objects = try listedObjects()
    var payment = try setting(try stripeFixture("invoice_payment"), ["invoice"], json: #""in_1""#)
    payment = try setting(payment, ["payment", "payment_intent"], json: #""pi_1""#)
    let whole = StripeInvoiceLinks()
    let kept = StripeInvoiceLinks()
    #expect(try whole.add(contentsOf: try records(page([payment]), keeping: nil)) == 1)
    #expect(try kept.add(contentsOf: try records(page([payment]), keeping: StripeInvoiceLinks.fields)) == 1)

    let bytes = page(objects.map(\.object))
    let wholeRecords = try records(bytes, keeping: nil)
    let keptRecords = try records(bytes, keeping: StripeRows.fields)
    #expect(wholeRecords.count == objects.count && keptRecords.count == objects.count)
    var mapped = 0
    for ((name, _), (full, filtered)) in zip(objects, zip(wholeRecords, keptRecords)) {
        let expected = contents(try StripeRows.of(full, links: whole))
        #expect(contents(try StripeRows.of(filtered, links: kept)) == expected, "\(name)")
        #expect(filtered.count < full.count || full.count <= 3, "\(name): nothing was left out")
        if !expected.isEmpty { mapped += 1 }
    }
    #expect(mapped == objects.count)
    let invoiceOfCharge = try #require(keptRecords.first { $0["payment_intent"] as? String == "pi_1" })
    #expect(try kept.invoice(of: invoiceOfCharge) == "in_1")
}
