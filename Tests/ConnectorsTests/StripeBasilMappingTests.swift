import Foundation
import Store
import Testing

@testable import Connectors

/// One field the Stripe source reads, as it sits in the basil shape: set to `json` in the published fixture, it must
/// come out as `expected` in column `column` of the row.
extension CanonicalRow {
    /// The value the row binds in a column, by the column's name.
    subscript(column name: String) -> SQLValue? {
        Self.table.columns.firstIndex(of: name).map { values[$0] }
    }
}

extension StripeRows {
    /// The rows of `object`, a charge's invoice looked up in `links`.
    static func of(_ object: [String: Any], links: StripeInvoiceLinks) throws -> StripeRows? {
        try of(object, invoice: links.invoices(of: [object], waiting: false).invoices[0])
    }

    /// The customer a listing files the rows under; nil for a customer's own row.
    var customer: String? {
        if case .filed(let customer, _) = self { return customer }
        return nil
    }

    /// The rows filed under the customer's account.
    var filed: [any AccountFiledRow] {
        if case .filed(_, let rows) = self { return rows.map(\.row) }
        return []
    }
}

struct StripeField: Sendable, CustomTestStringConvertible {
    let path: [String]
    let json: String
    let column: String
    let expected: SQLValue
    var testDescription: String { path.joined(separator: ".") }
}

@Test(arguments: [
    StripeField(path: ["name"], json: #""Acme Corp""#, column: "name", expected: "Acme Corp"),
    StripeField(path: ["email"], json: #""billing@acme.example""#, column: "domain", expected: "acme.example"),
    StripeField(path: ["created"], json: "1748995304", column: "created_date", expected: "2025-06-04"),
    StripeField(
        path: ["metadata", "hubspot_company_id"], json: #""18000042""#, column: "crm_link", expected: "18000042"),
])
func basilCustomerFieldsMapToTheAccountRow(_ field: StripeField) throws {
    let customer = try setting(try stripeFixture("customer"), field.path, json: field.json)
    #expect(try StripeMapping.account(customer)[column: field.column] == field.expected)
    #expect(try StripeMapping.account(try stripeFixture("customer"))[column: field.column] != field.expected)
}

@Test(arguments: [
    StripeField(path: ["created"], json: "1748995304", column: "issued_date", expected: "2025-06-04"),
    StripeField(path: ["due_date"], json: "1751587200", column: "due_date", expected: "2025-07-04"),
    StripeField(
        path: ["status_transitions", "paid_at"], json: "1751673600", column: "paid_date", expected: "2025-07-05"),
    StripeField(path: ["amount_due"], json: "122500", column: "amount_due_cents", expected: 122_500),
    StripeField(path: ["amount_paid"], json: "61250", column: "amount_paid_cents", expected: 61_250),
    StripeField(path: ["currency"], json: #""eur""#, column: "currency", expected: "eur"),
    StripeField(path: ["status"], json: #""paid""#, column: "status", expected: "paid"),
    StripeField(
        path: ["lines", "data", "0", "pricing", "price_details", "product"], json: #""prod_Growth""#, column: "product",
        expected: "prod_Growth"),
])
func basilInvoiceFieldsMapToTheInvoiceRow(_ field: StripeField) throws {
    let invoice = try setting(try stripeFixture("invoice"), field.path, json: field.json)
    #expect(try StripeMapping.invoice(invoice, account: 3)[column: field.column] == field.expected)
    #expect(try StripeMapping.invoice(try stripeFixture("invoice"), account: 3)[column: field.column] != field.expected)
}

@Test func basilInvoicesNameTheirProductUnderPricingNotPrice() throws {
    let invoice = try stripeFixture("invoice")
    #expect(try StripeMapping.invoice(invoice, account: 1).product == "prod_QXg1hqf4jFNsqG")
    // The pre-basil place of the product is not read: a line with only `price` has no product for the pinned version.
    let line = ["price": ["product": "prod_Old"]]
    let old = try setting(
        invoice, ["lines", "data"], json: String(decoding: CanonicalJSON.bytes([line]), as: UTF8.self))
    #expect(try StripeMapping.invoice(old, account: 1).product == nil)
}

@Test(arguments: [
    StripeField(path: ["created"], json: "1748995304", column: "created_date", expected: "2025-06-04"),
    StripeField(path: ["amount"], json: "122500", column: "amount_cents", expected: 122_500),
    StripeField(path: ["currency"], json: #""eur""#, column: "currency", expected: "eur"),
    StripeField(path: ["status"], json: #""failed""#, column: "status", expected: "failed"),
    StripeField(path: ["failure_code"], json: #""card_declined""#, column: "failure_code", expected: "card_declined"),
    StripeField(path: ["disputed"], json: "true", column: "disputed", expected: 1),
    StripeField(path: ["amount_refunded"], json: "4000", column: "refunded_cents", expected: 4_000),
])
func basilChargeFieldsMapToThePaymentRow(_ field: StripeField) throws {
    let charge = try setting(try stripeFixture("charge"), field.path, json: field.json)
    #expect(try StripeMapping.payment(charge, invoice: nil, account: 1)[column: field.column] == field.expected)
    #expect(
        try StripeMapping.payment(try stripeFixture("charge"), invoice: nil, account: 1)[column: field.column]
            != field.expected
    )
}

@Test func basilChargesFindTheirInvoiceThroughInvoicePaymentsByPaymentIntentOrCharge() throws {
    let links = StripeInvoiceLinks()
    var payment = try setting(try stripeFixture("invoice_payment"), ["invoice"], json: #""in_1""#)
    payment = try setting(payment, ["payment", "payment_intent"], json: #""pi_1""#)
    #expect(try links.add(payment))
    var direct = try setting(
        try stripeFixture("invoice_payment"), ["invoice"], json: #"{"id":"in_2","object":"invoice"}"#)
    direct = try setting(direct, ["payment"], json: #"{"type":"charge","charge":"ch_direct"}"#)
    #expect(try links.add(direct))
    #expect(!(try links.add(try stripeFixture("charge"))))

    var charge = try setting(try stripeFixture("charge"), ["customer"], json: #""cus_QXg1o8vcGmoR32""#)
    #expect(try links.invoice(of: charge) == nil)  // the fixture's charge has no PaymentIntent and no invoice payment
    charge = try setting(charge, ["payment_intent"], json: #""pi_1""#)
    let rows = try #require(try StripeRows.of(charge, links: links))
    #expect(rows.customer == "cus_QXg1o8vcGmoR32")
    #expect((rows.filed.first as? PaymentRow)?.invoiceExternalID == "in_1")
    let byCharge = try setting(try stripeFixture("charge"), ["id"], json: #""ch_direct""#)
    #expect(try links.invoice(of: byCharge) == "in_2")
    // An expanded PaymentIntent is read by its id.
    let expanded = try setting(
        try stripeFixture("charge"), ["payment_intent"], json: #"{"id":"pi_1","object":"payment_intent"}"#)
    #expect(try links.invoice(of: expanded) == "in_1")
}

@Test(arguments: [
    StripeField(
        path: ["items", "data", "0", "price", "unit_amount"], json: "4900", column: "mrr_cents", expected: 4_900),
    StripeField(path: ["items", "data", "0", "quantity"], json: "3", column: "mrr_cents", expected: 6_000),
    StripeField(
        path: ["items", "data", "0", "price", "recurring", "interval"], json: #""year""#, column: "mrr_cents",
        expected: 167),
    StripeField(
        path: ["items", "data", "0", "price", "recurring", "interval_count"], json: "2", column: "mrr_cents",
        expected: 1_000),
    StripeField(path: ["created"], json: "1748995304", column: "effective_date", expected: "2025-06-04"),
])
func basilSubscriptionFieldsMapToItsStart(_ field: StripeField) throws {
    let subscription = try setting(try stripeFixture("subscription"), field.path, json: field.json)
    let rows = try #require(try StripeRows.of(subscription, links: StripeInvoiceLinks()))
    #expect(rows.customer == "cus_QXg1o8vcGmoR32")
    let start = try #require(rows.filed.first as? MRRChangeRow)
    #expect(start[column: field.column] == field.expected)
}

@Test func basilSubscriptionsEndAtEndedAtNotAtACancellationStillToCome() throws {
    var subscription = try setting(try stripeFixture("subscription"), ["ended_at"], json: "1751587200")
    let end = try StripeRows.of(subscription, links: StripeInvoiceLinks())?.filed.last as? MRRChangeRow
    #expect(end?.effectiveDate == "2025-07-04" && end?.changeType == "churn")
    // Canceled at the period's end: `canceled_at` is set while `ended_at` is null, and the subscription still runs.
    subscription = try setting(subscription, ["ended_at"], json: "null")
    subscription = try setting(subscription, ["canceled_at"], json: "1751673600")
    #expect(try StripeRows.of(subscription, links: StripeInvoiceLinks())?.filed.count == 1)
}

/// A page's charges are looked up at once: each its own invoice, other objects and unlinked charges nil; while an
/// invoice payments listing reads, the page waits for the link it lacks, and once the listing ends it waits no more.
@Test func aPageOfChargesFindsItsInvoicesAtOnceWaitingOnlyWhileTheLinksAreRead() throws {
    let links = StripeInvoiceLinks()
    var payment = try setting(try stripeFixture("invoice_payment"), ["invoice"], json: #""in_1""#)
    payment = try setting(payment, ["payment", "payment_intent"], json: #""pi_1""#)
    #expect(try links.add(payment))
    let linked = try setting(try stripeFixture("charge"), ["payment_intent"], json: #""pi_1""#)
    let later = try setting(try stripeFixture("charge"), ["payment_intent"], json: #""pi_2""#)
    // An invoice is not a charge: its own id is not looked up as one, even when a link names it.
    var invoice = try setting(try stripeFixture("invoice_payment"), ["invoice"], json: #""in_x""#)
    invoice = try setting(invoice, ["payment"], json: #"{"type":"charge","charge":"in_9"}"#)
    #expect(try links.add(invoice))
    let notACharge: [String: Any] = ["id": "in_9", "object": "invoice"]
    let page = [linked, notACharge, later]

    let now = links.invoices(of: page, waiting: false)
    #expect(now.invoices == ["in_1", nil, nil])
    #expect(!now.linked)

    links.listing(ended: false)
    var second = try setting(try stripeFixture("invoice_payment"), ["invoice"], json: #""in_2""#)
    second = try setting(second, ["payment", "payment_intent"], json: #""pi_2""#)
    let reader = Thread { [second] in
        Thread.sleep(forTimeInterval: 0.2)
        _ = try? links.add(second)
    }
    reader.start()
    let waited = links.invoices(of: page, waiting: true)
    #expect(waited.invoices == ["in_1", nil, "in_2"])
    #expect(waited.linked)

    links.listing(ended: true)
    let unlinked = try setting(try stripeFixture("charge"), ["payment_intent"], json: #""pi_3""#)
    let ended = links.invoices(of: [unlinked], waiting: true)
    #expect(ended.invoices == [nil])
    #expect(!ended.linked)
}
