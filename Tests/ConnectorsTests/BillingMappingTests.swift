import Foundation
import Store
import Testing

@testable import Connectors

/// A JSON object as the sources receive it (parsed, numbers as NSNumber).
private func object(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
}

@Test func stripeChargesBecomePaymentsWithStatusFailureDisputeAndRefund() throws {
    let succeeded = try object(
        #"{"id":"ch_1","object":"charge","amount":122500,"amount_refunded":0,"created":1748995304,"currency":"usd","#
            + #""customer":"cus_1","disputed":false,"failure_code":null,"payment_intent":"pi_1","status":"succeeded"}"#)
    #expect(
        try StripeMapping.payment(succeeded, invoice: "in_1", account: 7)
            == PaymentRow(
                accountID: 7, invoiceExternalID: "in_1", createdDate: "2025-06-04", amountCents: 122_500,
                currency: "usd", status: "succeeded", failureCode: nil, disputed: false, refundedCents: 0))
    let failed = try object(
        #"{"id":"ch_2","object":"charge","amount":5000,"amount_refunded":0,"created":1748995304,"currency":"usd","#
            + #""customer":"cus_1","disputed":false,"failure_code":"card_declined","payment_intent":null,"#
            + #""status":"failed"}"#)
    #expect(
        try StripeMapping.payment(failed, invoice: nil, account: 7)
            == PaymentRow(
                accountID: 7, invoiceExternalID: nil, createdDate: "2025-06-04", amountCents: 5_000, currency: "usd",
                status: "failed", failureCode: "card_declined", disputed: false, refundedCents: 0))
    let disputedAndRefunded = try object(
        #"{"id":"ch_3","object":"charge","amount":9000,"amount_refunded":4000,"created":1748995304,"currency":"eur","#
            + #""customer":"cus_1","disputed":true,"status":"succeeded"}"#)
    let row = try StripeMapping.payment(disputedAndRefunded, invoice: nil, account: 8)
    #expect(row.disputed && row.refundedCents == 4_000 && row.currency == "eur")
}

@Test func aChargeWithoutAFieldItsRowNeedsIsNamed() throws {
    let charge = try object(#"{"id":"ch_9","object":"charge","amount":100,"status":"succeeded"}"#)
    #expect(throws: MissingField.self) { try StripeMapping.payment(charge, invoice: nil, account: 1) }
    do {
        _ = try StripeMapping.payment(charge, invoice: nil, account: 1)
    } catch {
        #expect("\(error)" == "charge ch_9 has no `created`")
    }
}

@Test func disputesNameTheirChargeAsAnIdOrExpanded() throws {
    #expect(StripeMapping.disputedCharge(try object(#"{"id":"dp_1","object":"dispute","charge":"ch_1"}"#)) == "ch_1")
    #expect(
        StripeMapping.disputedCharge(try object(#"{"id":"dp_1","object":"dispute","charge":{"id":"ch_2"}}"#)) == "ch_2")
    #expect(StripeMapping.disputedCharge(try object(#"{"id":"dp_1","object":"dispute"}"#)) == nil)
}

@Test func recurringPricesBecomeMonthlyAmounts() {
    #expect(MonthlyAmount.of(120_000, every: 1, "year") == 10_000)
    #expect(MonthlyAmount.of(30_000, every: 3, "month") == 10_000)
    #expect(MonthlyAmount.of(1_200, every: 1, "week") == 5_200)
    #expect(MonthlyAmount.of(1_200, every: 1, nil) == 1_200)
    #expect(MonthlyAmount.of(1_200, every: 0, "month") == 1_200)
}

@Test func chargebeeSubscriptionsAreWorthTheirRecurringPricesPerMonth() throws {
    // Chargebee's example: one plan item, 25 × 49.00 a month.
    let items = try object(
        #"{"id":"169z","customer_id":"16CQ","status":"active","billing_period":1,"billing_period_unit":"month","#
            + #""started_at":1748995200,"mrr":122500,"subscription_items":[{"item_price_id":"pro-USD-Monthly","#
            + #""item_type":"plan","quantity":25,"unit_price":4900,"amount":122500},"#
            + #"{"item_price_id":"setup","item_type":"charge","amount":50000}]}"#)
    #expect(try ChargebeeMapping.monthlyAmount(items) == 122_500)
    // Yearly, priced per unit without `amount`; cancelled, so Chargebee's `mrr` is 0 but the start keeps the price.
    let yearly = try object(
        #"{"id":"s2","status":"cancelled","billing_period":1,"billing_period_unit":"year","mrr":0,"#
            + #""subscription_items":[{"item_type":"plan","quantity":2,"unit_price":60000},"#
            + #"{"item_type":"addon","quantity":1,"unit_price":24000}]}"#)
    #expect(try ChargebeeMapping.monthlyAmount(yearly) == 12_000)
    // The older catalogue: plan price × quantity plus addons, every 3 months.
    let planned = try object(
        #"{"id":"s3","billing_period":3,"billing_period_unit":"month","plan_unit_price":5000,"plan_quantity":3,"#
            + #""addons":[{"id":"extra","quantity":2,"unit_price":1500}]}"#)
    #expect(try ChargebeeMapping.monthlyAmount(planned) == 6_000)
    #expect(try ChargebeeMapping.monthlyAmount(try object(#"{"id":"s4","mrr":4200}"#)) == 4_200)
}

@Test func chargebeeSubscriptionsStartAndEndAsStripesDo() throws {
    let active = try object(
        #"{"id":"s1","status":"active","started_at":1748995200,"created_at":1700000000,"mrr":9900}"#)
    let running = try ChargebeeMapping.mrrChanges(active, account: 3)
    #expect(
        running.start == MRRChangeRow(accountID: 3, effectiveDate: "2025-06-04", mrrCents: 9_900, changeType: "new"))
    #expect(running.end == nil)
    let cancelled = try object(
        #"{"id":"s1","status":"cancelled","created_at":1748995200,"cancelled_at":1751587200,"mrr":0,"#
            + #""subscription_items":[{"item_type":"plan","amount":9900}]}"#)
    let ended = try ChargebeeMapping.mrrChanges(cancelled, account: 3)
    #expect(ended.start == MRRChangeRow(accountID: 3, effectiveDate: "2025-06-04", mrrCents: 9_900, changeType: "new"))
    #expect(ended.end == MRRChangeRow(accountID: 3, effectiveDate: "2025-07-04", mrrCents: 0, changeType: "churn"))
    let undated = try object(#"{"id":"s5","status":"cancelled","started_at":1748995200}"#)
    do {
        _ = try ChargebeeMapping.mrrChanges(undated, account: 3)
        Issue.record("a cancelled subscription without cancelled_at was accepted")
    } catch {
        #expect("\(error)" == "subscription s5 has no `cancelled_at`")
    }
}
