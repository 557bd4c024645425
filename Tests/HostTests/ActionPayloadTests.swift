import Foundation
import Testing

@testable import Host

/// A webhook body as `ActionPayload` wrote it with `JSONSerialization` (`.sortedKeys`), before `JSONWriter` wrote it.
private func writtenByJSONSerialization(_ object: [String: Any]) throws -> String {
    String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
}

private func body(name: String, value: Double, previousBand: String?, warning: String?) -> [String: Any] {
    [
        "score": "rfm", "run": 7, "as_of": "2026-06-01", "account_id": "acc-000042", "name": name, "value": value,
        "band": "At Risk", "previous_band": previousBand ?? NSNull(), "contact_warning": warning ?? NSNull(),
        "delivery_id": "0b0e9b1c-5d7e-4f5a-9a52-2f4a3c1d8e60",
    ]
}

@Test func aWebhookBodyKeepsItsBytes() {
    let payload = ActionPayload(
        json: #"{"account_id":"acc-000042","as_of":"2026-06-01","band":"At Risk","contact_warning":null,"#
            + #""delivery_id":"0b0e9b1c-5d7e-4f5a-9a52-2f4a3c1d8e60","name":"Acme \"Widgets\" Ltd","#
            + #""previous_band":"Champion","run":7,"score":"rfm","value":87.5}"#)
    #expect(
        payload.json
            == #"{"account_id":"acc-000042","as_of":"2026-06-01","band":"At Risk","contact_warning":null,"#
            + #""delivery_id":"0b0e9b1c-5d7e-4f5a-9a52-2f4a3c1d8e60","name":"Acme \"Widgets\" Ltd","#
            + #""previous_band":"Champion","run":7,"score":"rfm","value":87.5}"#)
}

/// Bodies as names and values come: quotes, backslashes, control characters, U+2028, non-ASCII; fractions, 17
/// significant digits, exponents, whole numbers. (No text column holds a NUL, and `JSONReader` reads one as U+FFFD.)
@Test(
    arguments: [
        ("Acme \"Widgets\" Ltd", 87.5, "Champion", nil),
        ("Zoë & Søn 😀", 80, nil, "the primary contact's last activity was 357 days ago"),
        ("tab\tnew\nline\rcarriage", 1.0 / 3, "Lost", "warning with \\ backslash"),
        ("unit \u{1F} line \u{2028} paragraph \u{2029} delete \u{7F}", 0.1 + 0.2, nil, nil),
        ("tiny", 1e-7, nil, nil),
        ("negative", -42.25, nil, nil),
        ("large", 123_456_789_012_345.6, nil, nil),
        ("whole", 999_999_999_999_999, nil, nil),
    ] as [(String, Double, String?, String?)])
func aWebhookBodyIsWhatJSONSerializationWrote(name: String, value: Double, previousBand: String?, warning: String?)
    throws
{
    let old = try writtenByJSONSerialization(
        body(name: name, value: value, previousBand: previousBand, warning: warning))
    let payload = ActionPayload(json: old)
    #expect(payload.name == name && payload.value == value && payload.previousBand == previousBand)
    #expect(payload.json == old)
}

/// `JSONSerialization` wrote `/` as `\/`, backspace and form feed as `\b` and `\f`; `JSONWriter` writes `/` as it is
/// and the other two as `\u0008` and `\u000c`: other bytes for the same JSON, which reads back the same. (A stored
/// body is sent again as it was stored, so only deliveries recorded after the change carry these bytes.)
@Test func aSlashBackspaceAndFormFeedAreWrittenOtherwise() throws {
    let name = "Acme/Widgets \u{8}\u{C}"
    let old = try writtenByJSONSerialization(body(name: name, value: 87.5, previousBand: nil, warning: nil))
    #expect(old.contains(#""name":"Acme\/Widgets \b\f""#))
    let payload = ActionPayload(json: old)
    #expect(payload.json.contains(#""name":"Acme/Widgets \u0008\u000c""#))
    #expect(payload.json == old.replacingOccurrences(of: #"Acme\/Widgets \b\f"#, with: #"Acme/Widgets \u0008\u000c"#))
    #expect(ActionPayload(json: payload.json).name == name)
}

@Test func aStoredPayloadReadsBackToTheValuesLastDigit() {
    // JSONSerialization read this value as 0.3000000000000001.
    let payload = ActionPayload(
        json: #"{"account_id":"acc-1","previous_band":null,"run":7,"value":0.30000000000000004}"#)
    #expect(payload.value == 0.30000000000000004)
    #expect(payload.runID == 7 && payload.accountID == "acc-1" && payload.previousBand == nil)
    #expect(payload.csvCells[5] == "0.30000000000000004", "the CSV row says what the webhook body says")
}
