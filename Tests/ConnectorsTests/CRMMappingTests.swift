import Foundation
import Store
import Testing

@testable import Connectors

/// What a wire record parses into, as the sources receive it (`context.fetch` parses with JSONSerialization).
private func record(_ json: String) -> [String: Any] {
    (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: Any] ?? [:]
}

@Test func decimalAmountsBecomeCentsExactly() {
    #expect(DecimalAmount.cents("24000") == 2_400_000)
    #expect(DecimalAmount.cents("1234.57") == 123_457)
    #expect(DecimalAmount.cents("0.125") == 13)
    #expect(DecimalAmount.cents("-12.5") == -1_250)
    #expect(DecimalAmount.cents(".5") == 50)
    #expect(DecimalAmount.cents("12,50") == nil)
    #expect(DecimalAmount.cents("1e3") == nil)
    #expect(DecimalAmount.cents("") == nil)
    #expect(DecimalAmount.cents("9999999999999999999") == nil)
}

@Test func hubSpotDealsMapStageAmountDaysAndFlags() throws {
    let properties = record(
        #"{"dealname":"Northwind - annual renewal","dealstage":"closedwon","amount":"24000.5","createdate":"2025-05-14T10:22:41.090Z","closedate":"1753920000000","hs_is_closed":"true","hs_is_closed_won":"true"}"#
    )
    #expect(
        try HubSpotMapping.deal(properties, account: 7)
            == DealRow(
                accountID: 7, name: "Northwind - annual renewal", stage: "closedwon", amountCents: 2_400_050,
                createdDate: "2025-05-14", closeDate: "2025-07-31", isClosed: true, isWon: true))
    // Without hs_is_closed the stage decides; a deal without an amount keeps NULL.
    let lost = record(#"{"dealstage":"closedlost","createdate":"2025-05-14T10:22:41.090Z","amount":null}"#)
    let row = try HubSpotMapping.deal(lost, account: 7)
    #expect(row.amountCents == nil && row.isClosed && !row.isWon)
    #expect(throws: HubSpotMapping.Problem.self) {
        try HubSpotMapping.deal(record(#"{"createdate":"2025-05-14T00:00:00Z","amount":"lots"}"#), account: 7)
    }
    #expect(throws: HubSpotMapping.Problem.self) { try HubSpotMapping.deal(record(#"{"dealname":"x"}"#), account: 7) }
}

@Test func hubSpotTicketsMapPriorityAndStatusAsTheHealthScoreReadsThem() throws {
    let open = record(
        #"{"hs_pipeline_stage":"2","hs_ticket_priority":"HIGH","createdate":"2026-01-05T09:30:00.000Z","closed_date":null}"#
    )
    #expect(
        try HubSpotMapping.ticket(open, account: 3)
            == TicketRow(
                accountID: 3, openedAt: "2026-01-05T09:30:00.000Z", closedAt: nil, priority: "high", status: "open"))
    let closed = record(
        #"{"hs_pipeline_stage":"4","hs_ticket_priority":"MEDIUM","createdate":"2026-01-05T09:30:00.000Z","closed_date":"2026-01-07T17:00:00.000Z"}"#
    )
    let closedRow = try HubSpotMapping.ticket(closed, account: 3)
    #expect(closedRow.closedAt == "2026-01-07T17:00:00.000Z" && closedRow.priority == "medium")
    #expect(closedRow.status == "closed")
    #expect(throws: HubSpotMapping.Problem.self) {
        try HubSpotMapping.ticket(record(#"{"createdate":"yesterday"}"#), account: 3)
    }
}

@Test func hubSpotCompaniesComeFromListedAssociationsOrTheBatchRead() {
    let listed = record(
        #"{"id":"9930112","associations":{"companies":{"results":[{"id":"18000002","type":"deal_to_company_unlabeled"},{"id":"18000001","type":"deal_to_company"}]}}}"#
    )
    #expect(HubSpotSource.listedCompany(listed, .deals) == "18000001")
    #expect(HubSpotSource.listedCompany(record(#"{"id":"1"}"#), .deals) == nil)
    let batch = record(
        #"{"status":"COMPLETE","results":[{"from":{"id":"70000001"},"to":[{"toObjectId":18000009,"associationTypes":[{"typeId":339,"label":null}]},{"toObjectId":18000004,"associationTypes":[{"typeId":26,"label":"Primary"}]}]}],"errors":[{"category":"OBJECT_NOT_FOUND","context":{"fromObjectId":["70000002"]}}]}"#
    )
    #expect(HubSpotSource.batchCompanies(batch) == ["70000001": "18000004"])
}

@Test func salesforceOpportunitiesAndCasesMapOntoDealsAndTickets() throws {
    let opportunity = record(
        #"{"Id":"006RO","AccountId":"001RO","Name":"Northwind - expansion","StageName":"Closed Won","Amount":48000.07,"CloseDate":"2025-07-15","IsClosed":true,"IsWon":true,"CreatedDate":"2025-04-02T08:15:00.000+0000"}"#
    )
    #expect(
        try SalesforceMapping.opportunity(opportunity, account: 5)
            == DealRow(
                accountID: 5, name: "Northwind - expansion", stage: "Closed Won", amountCents: 4_800_007,
                createdDate: "2025-04-02", closeDate: "2025-07-15", isClosed: true, isWon: true))
    #expect(throws: SalesforceMapping.Problem.self) {
        try SalesforceMapping.opportunity(
            record(#"{"Amount":"48000","CreatedDate":"2025-04-02T08:15:00.000+0000"}"#), account: 5)
    }
    let closedCase = record(
        #"{"Status":"Closed","Priority":"High","IsClosed":true,"CreatedDate":"2026-01-05T09:30:00.000+0000","ClosedDate":"2026-01-07T17:00:00.000+0000"}"#
    )
    #expect(
        try SalesforceMapping.case(closedCase, account: 5)
            == TicketRow(
                accountID: 5, openedAt: "2026-01-05T09:30:00.000+0000", closedAt: "2026-01-07T17:00:00.000+0000",
                priority: "high", status: "closed"))
    let contact = record(#"{"Name":"Sam Lee","Email":null,"LastActivityDate":"2026-10-01"}"#)
    #expect(
        try SalesforceMapping.contact(contact, account: 5)
            == ContactRow(accountID: 5, name: "Sam Lee", email: nil, isPrimary: nil, lastActivityDate: "2026-10-01"))
}
