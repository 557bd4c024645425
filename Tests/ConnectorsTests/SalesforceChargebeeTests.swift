import Testing

import Store

@testable import Connectors

private func response(_ status: Int, _ body: String, headers: [String: String] = [:]) -> HTTPResponse {
    HTTPResponse(status: status, headers: headers, body: Array(body.utf8))
}

@Test func salesforceRequestLimitStopsTheSyncWithAClearMessage() {
    let verdict = SalesforceErrors.classify(
        response(
            403, #"[{"message":"TotalRequests Limit exceeded.","errorCode":"REQUEST_LIMIT_EXCEEDED"}]"#,
            headers: ["sforce-limit-info": "api-usage=100001/100000"]))
    #expect(
        verdict
            == .fail(
                "HTTP 403 REQUEST_LIMIT_EXCEEDED: the org's 24-hour API request limit is used up "
                    + "(api-usage=100001/100000); the sync stops, run it again when the quota has recovered"))
}

@Test func salesforceOtherForbiddenAnswersFailWithTheirCode() {
    let verdict = SalesforceErrors.classify(
        response(403, #"[{"message":"Insufficient access","errorCode":"INSUFFICIENT_ACCESS"}]"#))
    #expect(verdict == .fail("HTTP 403 INSUFFICIENT_ACCESS: Insufficient access"))
}

@Test func salesforceInvalidSessionFailsAndServerErrorsRetry() {
    #expect(
        SalesforceErrors.classify(
            response(401, #"[{"message":"Session expired or invalid","errorCode":"INVALID_SESSION_ID"}]"#))
            == .fail("HTTP 401 INVALID_SESSION_ID: Session expired or invalid"))
    #expect(
        SalesforceErrors.classify(
            response(503, #"[{"message":"Server temporarily unavailable.","errorCode":"SERVER_UNAVAILABLE"}]"#))
            == .retry(after: nil, reason: "HTTP 503 SERVER_UNAVAILABLE: Server temporarily unavailable."))
    #expect(
        SalesforceErrors.classify(response(502, "<html>Bad Gateway</html>"))
            == .retry(after: nil, reason: "HTTP 502 server error"))
    #expect(SalesforceErrors.classify(response(200, "{}")) == .accept)
}

@Test func salesforceMultiLineMessagesBecomeOneLine() {
    let body =
        #"[{"message":"\nSELECT Id, Nmae FROM Account\n           ^\nERROR at Row:1:Column:12","errorCode":"INVALID_FIELD"}]"#
    #expect(
        SalesforceErrors.classify(response(400, body))
            == .fail("HTTP 400 INVALID_FIELD: SELECT Id, Nmae FROM Account ^ ERROR at Row:1:Column:12"))
}

@Test func chargebeeRateLimitIsRetriedHonouringRetryAfter() {
    let body =
        #"{"message":"Sorry, access has been blocked temporarily.","type":"operation_failed","api_error_code":"api_request_limit_exceeded","http_status_code":429}"#
    #expect(
        ChargebeeErrors.classify(response(429, body, headers: ["retry-after": "3"]))
            == .retry(
                after: 3, reason: "HTTP 429 api_request_limit_exceeded: Sorry, access has been blocked temporarily."))
    #expect(
        ChargebeeErrors.classify(response(429, body))
            == .retry(
                after: nil, reason: "HTTP 429 api_request_limit_exceeded: Sorry, access has been blocked temporarily."))
}

@Test func chargebeeClientErrorsFailWithCodeMessageAndParam() {
    let auth =
        #"{"message":"Sorry, authentication failed. Invalid api key","api_error_code":"api_authentication_failed","http_status_code":401}"#
    #expect(
        ChargebeeErrors.classify(response(401, auth))
            == .fail("HTTP 401 api_authentication_failed: Sorry, authentication failed. Invalid api key"))
    let wrong =
        #"{"message":"sort_by[asc] : invalid value","type":"invalid_request","api_error_code":"param_wrong_value","param":"sort_by[asc]"}"#
    #expect(
        ChargebeeErrors.classify(response(400, wrong))
            == .fail("HTTP 400 param_wrong_value: sort_by[asc] : invalid value: (sort_by[asc])"))
    #expect(ChargebeeErrors.classify(response(503, "{}")) == .retry(after: nil, reason: "HTTP 503 server error"))
}

@Test func chargebeeInvoiceStatusesMapOntoTheCanonicalOnes() {
    #expect(ChargebeeErrors.invoiceStatus("paid", deleted: false) == "paid")
    #expect(ChargebeeErrors.invoiceStatus("payment_due", deleted: false) == "open")
    #expect(ChargebeeErrors.invoiceStatus("not_paid", deleted: false) == "uncollectible")
    #expect(ChargebeeErrors.invoiceStatus("voided", deleted: false) == "void")
    #expect(ChargebeeErrors.invoiceStatus("paid", deleted: true) == "deleted")
}

@Test func salesforceDatetimesParseWithoutAColonInTheOffset() {
    #expect(SalesforceTime.milliseconds("2025-06-01T10:30:00.000+0000") == 1_748_773_800_000)
    #expect(SalesforceTime.milliseconds("2025-06-01T10:30:00.250+0000") == 1_748_773_800_250)
    #expect(SalesforceTime.milliseconds("2025-06-01T10:30:00.000+0200") == 1_748_766_600_000)
    #expect(SalesforceTime.milliseconds("2025-06-01T10:30:00.000+02:00") == 1_748_766_600_000)
    #expect(SalesforceTime.milliseconds("2025-06-01T10:30:00Z") == 1_748_773_800_000)
    #expect(SalesforceTime.milliseconds("2025-06-01") == nil)
    #expect(SalesforceTime.milliseconds("2025-13-01T10:30:00.000+0000") == nil)
    #expect(SalesforceTime.milliseconds("2025-06-01T10:30:00.000+00") == nil)
}

@Test func salesforceTimesWriteAsTheWireAndSOQLDo() {
    #expect(SalesforceTime.wire(1_748_773_800_250) == "2025-06-01T10:30:00.250+0000")
    #expect(SalesforceTime.literal(seconds: 1_709_251_199) == "2024-02-29T23:59:59Z")
    #expect(SalesforceTime.literal(seconds: 0) == "1970-01-01T00:00:00Z")
}

@Test func salesforceQueriesWindowOnSystemModstampAndOrderByItAndId() {
    let soql = SalesforceSource.soql(.account, condition: "IsDeleted = true", from: 0, to: 1_748_773_800)
    #expect(
        soql
            == "SELECT Id, Name, Website, Industry, NumberOfEmployees, BillingCountry, CreatedDate, "
            + "SystemModstamp, IsDeleted "
            + "FROM Account WHERE IsDeleted = true AND SystemModstamp >= 1970-01-01T00:00:00Z "
            + "AND SystemModstamp <= 2025-06-01T10:30:00Z ORDER BY SystemModstamp, Id")
    #expect(
        SalesforceSource.soql(.opportunity, condition: nil, from: 0, to: 0)
            == "SELECT Id, AccountId, Name, StageName, Amount, CreatedDate, CloseDate, IsClosed, IsWon, "
            + "SystemModstamp, "
            + "IsDeleted FROM Opportunity WHERE SystemModstamp >= 1970-01-01T00:00:00Z "
            + "AND SystemModstamp <= 1970-01-01T00:00:00Z ORDER BY SystemModstamp, Id")
    #expect(
        SalesforceSource.queryPath(endpoint: "queryAll", soql: "SELECT Id FROM Account WHERE X >= 1")
            == "/services/data/v60.0/queryAll?q=SELECT%20Id%20FROM%20Account%20WHERE%20X%20%3E%3D%201")
}

@Test func salesforceWebsitesBecomeDomains() {
    #expect(SalesforceSource.domain(fromWebsite: "https://www.Example.com/about") == "www.example.com")
    #expect(SalesforceSource.domain(fromWebsite: "example.com:8080") == "example.com")
    #expect(SalesforceSource.domain(fromWebsite: " ") == nil)
    #expect(SalesforceSource.domain(fromWebsite: nil) == nil)
}

@Test func salesforceCompoundCursorsRoundTrip() {
    let record: [String: Any] = ["Id": "001SB0000000000042", "SystemModstamp": "2025-06-01T10:30:00.000+0000"]
    let key = SalesforceSource.compoundKey(record)
    #expect(key?.milliseconds == 1_748_773_800_000 && key?.id == "001SB0000000000042")
    let parsed = SalesforceSource.parseCompound("1748773800000:001SB0000000000042")
    #expect(parsed?.milliseconds == 1_748_773_800_000 && parsed?.id == "001SB0000000000042")
    #expect(SalesforceSource.parseCompound("garbage") == nil)
}

@Test func chargebeeListsAskForDeletedRecordsSortedByUpdateFromTheBookmark() {
    #expect(
        ChargebeeSource.listPath("customers", limit: 100, after: 0, offset: nil)
            == "/api/v2/customers?limit=100&include_deleted=true&sort_by%5Basc%5D=updated_at")
    #expect(
        ChargebeeSource.listPath("invoices", limit: 50, after: 1_749_001_600, offset: #"["1749001600000","1042"]"#)
            == "/api/v2/invoices?limit=50&include_deleted=true&sort_by%5Basc%5D=updated_at&updated_at%5Bafter%5D=1749001599"
            + "&offset=%5B%221749001600000%22%2C%221042%22%5D")
    let cursor = ChargebeeSource.parseCursor(#"1749001600 ["1749001600000","1042"]"#)
    #expect(cursor?.lower == 1_749_001_600 && cursor?.offset == #"["1749001600000","1042"]"#)
}

@Test func chargebeeRowsKeepMinorUnitsAndTheConfiguredLink() throws {
    let customer: [String: Any] = [
        "id": "16CQ", "email": "billing@Northwind.example", "company": "Northwind", "created_at": 1_709_251_199,
        "cf_salesforce_account_id": "001SB0000000000042", "cf_hubspot_company_id": "18000042",
    ]
    let account = try ChargebeeMapping.account(customer, linkField: "cf_hubspot_company_id")
    #expect(
        account
            == AccountRow(
                name: "Northwind", domain: "northwind.example", createdDate: "2024-02-29", crmLink: "18000042"))
    let invoice: [String: Any] = [
        "id": "1042", "status": "payment_due", "date": 1_748_995_200, "total": 122_500, "amount_paid": 0,
        "currency_code": "USD", "line_items": [["entity_id": "pro-USD-Monthly"]],
    ]
    let row = try ChargebeeMapping.invoice(invoice, account: 7)
    #expect(
        row
            == InvoiceRow(
                accountID: 7, issuedDate: "2025-06-04", dueDate: nil, paidDate: nil, amountDueCents: 122_500,
                amountPaidCents: 0, currency: "usd", status: "open", product: "pro-USD-Monthly"))
}
