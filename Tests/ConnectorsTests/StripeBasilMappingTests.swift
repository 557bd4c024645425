import Foundation
import Store
import Testing

@testable import Connectors

/// One field the Stripe source reads, as it sits in the basil shape: set to `json` in the published fixture, it must
/// come out as `expected` in column `column` of the row.
struct StripeField: Sendable, CustomTestStringConvertible {
    let path: [String]
    let json: String
    let column: Int
    let expected: SQLValue
    var testDescription: String { path.joined(separator: ".") }
}

@Test(arguments: [
    StripeField(path: ["name"], json: #""Acme Corp""#, column: 0, expected: "Acme Corp"),
    StripeField(path: ["email"], json: #""billing@acme.example""#, column: 1, expected: "acme.example"),
    StripeField(path: ["created"], json: "1748995304", column: 5, expected: "2025-06-04"),
    StripeField(path: ["metadata", "hubspot_company_id"], json: #""18000042""#, column: 10, expected: "18000042"),
])
func basilCustomerFieldsMapToTheAccountRow(_ field: StripeField) throws {
    let customer = try setting(try stripeFixture("customer"), field.path, json: field.json)
    #expect(try StripeMapping.account(customer)[field.column] == field.expected)
    #expect(try StripeMapping.account(try stripeFixture("customer"))[field.column] != field.expected)
}

@Test(arguments: [
    StripeField(path: ["created"], json: "1748995304", column: 1, expected: "2025-06-04"),
    StripeField(path: ["due_date"], json: "1751587200", column: 2, expected: "2025-07-04"),
    StripeField(path: ["status_transitions", "paid_at"], json: "1751673600", column: 3, expected: "2025-07-05"),
    StripeField(path: ["amount_due"], json: "122500", column: 4, expected: 122_500),
    StripeField(path: ["amount_paid"], json: "61250", column: 5, expected: 61_250),
    StripeField(path: ["currency"], json: #""eur""#, column: 6, expected: "eur"),
    StripeField(path: ["status"], json: #""paid""#, column: 7, expected: "paid"),
    StripeField(
        path: ["lines", "data", "0", "pricing", "price_details", "product"], json: #""prod_Growth""#, column: 8,
        expected: "prod_Growth"),
])
func basilInvoiceFieldsMapToTheInvoiceRow(_ field: StripeField) throws {
    let invoice = try setting(try stripeFixture("invoice"), field.path, json: field.json)
    #expect(try StripeMapping.invoice(invoice, account: 3)[field.column] == field.expected)
    #expect(try StripeMapping.invoice(try stripeFixture("invoice"), account: 3)[field.column] != field.expected)
}

@Test func basilInvoicesNameTheirProductUnderPricingNotPrice() throws {
    let invoice = try stripeFixture("invoice")
    #expect(try StripeMapping.invoice(invoice, account: 1)[8] == "prod_QXg1hqf4jFNsqG")
    // The pre-basil place of the product is not read: a line with only `price` has no product for the pinned version.
    let line = ["price": ["product": "prod_Old"]]
    let old = try setting(
        invoice, ["lines", "data"], json: String(decoding: CanonicalJSON.bytes([line]), as: UTF8.self))
    #expect(try StripeMapping.invoice(old, account: 1)[8] == .null)
}

@Test(arguments: [
    StripeField(path: ["created"], json: "1748995304", column: 2, expected: "2025-06-04"),
    StripeField(path: ["amount"], json: "122500", column: 3, expected: 122_500),
    StripeField(path: ["currency"], json: #""eur""#, column: 4, expected: "eur"),
    StripeField(path: ["status"], json: #""failed""#, column: 5, expected: "failed"),
    StripeField(path: ["failure_code"], json: #""card_declined""#, column: 6, expected: "card_declined"),
    StripeField(path: ["disputed"], json: "true", column: 7, expected: 1),
    StripeField(path: ["amount_refunded"], json: "4000", column: 8, expected: 4_000),
])
func basilChargeFieldsMapToThePaymentRow(_ field: StripeField) throws {
    let charge = try setting(try stripeFixture("charge"), field.path, json: field.json)
    #expect(try StripeMapping.payment(charge, invoice: nil, account: 1)[field.column] == field.expected)
    #expect(
        try StripeMapping.payment(try stripeFixture("charge"), invoice: nil, account: 1)[field.column] != field.expected
    )
}

@Test func basilChargesFindTheirInvoiceThroughInvoicePaymentsByPaymentIntentOrCharge() throws {
    let links = StripeInvoiceLinks()
    var payment = try setting(try stripeFixture("invoice_payment"), ["invoice"], json: #""in_1""#)
    payment = try setting(payment, ["payment", "payment_intent"], json: #""pi_1""#)
    #expect(links.add(payment))
    var direct = try setting(
        try stripeFixture("invoice_payment"), ["invoice"], json: #"{"id":"in_2","object":"invoice"}"#)
    direct = try setting(direct, ["payment"], json: #"{"type":"charge","charge":"ch_direct"}"#)
    #expect(links.add(direct))
    #expect(!links.add(try stripeFixture("charge")))

    var charge = try setting(try stripeFixture("charge"), ["customer"], json: #""cus_QXg1o8vcGmoR32""#)
    #expect(links.invoice(of: charge) == nil)  // the fixture's charge has no PaymentIntent and no invoice payment
    charge = try setting(charge, ["payment_intent"], json: #""pi_1""#)
    let rows = try #require(try StripeRows.of(charge, links: links))
    #expect(rows.table == .payments && rows.customer == "cus_QXg1o8vcGmoR32")
    #expect(rows.rows.first?.values[1] == "in_1")
    let byCharge = try setting(try stripeFixture("charge"), ["id"], json: #""ch_direct""#)
    #expect(links.invoice(of: byCharge) == "in_2")
    // An expanded PaymentIntent is read by its id.
    let expanded = try setting(
        try stripeFixture("charge"), ["payment_intent"], json: #"{"id":"pi_1","object":"payment_intent"}"#)
    #expect(links.invoice(of: expanded) == "in_1")
}

@Test(arguments: [
    StripeField(path: ["items", "data", "0", "price", "unit_amount"], json: "4900", column: 2, expected: 4_900),
    StripeField(path: ["items", "data", "0", "quantity"], json: "3", column: 2, expected: 6_000),
    StripeField(
        path: ["items", "data", "0", "price", "recurring", "interval"], json: #""year""#, column: 2, expected: 167),
    StripeField(
        path: ["items", "data", "0", "price", "recurring", "interval_count"], json: "2", column: 2, expected: 1_000),
    StripeField(path: ["created"], json: "1748995304", column: 1, expected: "2025-06-04"),
])
func basilSubscriptionFieldsMapToItsStart(_ field: StripeField) throws {
    let subscription = try setting(try stripeFixture("subscription"), field.path, json: field.json)
    let rows = try #require(try StripeRows.of(subscription, links: StripeInvoiceLinks()))
    #expect(rows.customer == "cus_QXg1o8vcGmoR32" && rows.table == .mrrChanges)
    #expect(rows.rows.first?.values[field.column] == field.expected)
}

@Test func basilSubscriptionsEndAtEndedAtNotAtACancellationStillToCome() throws {
    var subscription = try setting(try stripeFixture("subscription"), ["ended_at"], json: "1751587200")
    #expect(try StripeRows.of(subscription, links: StripeInvoiceLinks())?.rows.last?.values[1] == "2025-07-04")
    // Canceled at the period's end: `canceled_at` is set while `ended_at` is null, and the subscription still runs.
    subscription = try setting(subscription, ["ended_at"], json: "null")
    subscription = try setting(subscription, ["canceled_at"], json: "1751673600")
    #expect(try StripeRows.of(subscription, links: StripeInvoiceLinks())?.rows.count == 1)
}
