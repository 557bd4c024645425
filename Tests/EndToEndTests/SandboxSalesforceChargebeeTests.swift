import Testing

@testable import Sandbox

@Test func sandboxSOQLReadsTheWindowTheConnectorAsksFor() throws {
    let query = try SalesforceQuery.parse(
        "SELECT Id, SystemModstamp FROM Account WHERE IsDeleted = true AND SystemModstamp >= 2025-06-01T10:30:00Z "
            + "AND SystemModstamp <= 2025-06-01T10:30:01Z ORDER BY SystemModstamp, Id")
    #expect(query.fields == ["Id", "SystemModstamp"])
    #expect(query.lowerInclusive == 1_748_773_800_000 && query.upperInclusive == 1_748_773_801_000)
    #expect(query.deleted == true && query.ordered)
}

@Test func sandboxSOQLRefusesAsSalesforceDoes() {
    func code(_ text: String) -> String {
        do {
            _ = try SalesforceQuery.parse(text)
            return "accepted"
        } catch let failure as SalesforceQuery.Failure {
            return failure.code
        } catch {
            return "\(error)"
        }
    }
    #expect(code("SELECT Id, Nmae FROM Account") == "INVALID_FIELD")
    #expect(code("SELECT Id FROM Acount") == "INVALID_TYPE")
    #expect(code("SELECT Id FROM Account WHERE Name LIKE 'x%'") == "MALFORMED_QUERY")
    #expect(code("SELEC Id FROM Account") == "MALFORMED_QUERY")
}

@Test func sandboxChargebeeOffsetsLookLikeChargebeesAndRoundTrip() {
    let offset = ChargebeeRoutes.encodeOffset(key: 1_749_001_600_000, id: "16CB00000042")
    #expect(offset == #"["1749001600000","16CB00000042"]"#)
    let decoded = ChargebeeRoutes.decodeOffset(offset)
    #expect(decoded?.key == 1_749_001_600_000 && decoded?.id == "16CB00000042")
    #expect(ChargebeeRoutes.decodeOffset("garbage") == nil)
}

@Test func sandboxSOQLServesContactsOpportunitiesAndCasesWithTheirOwnFields() throws {
    let query = try SalesforceQuery.parse(
        "SELECT Id, AccountId, StageName, Amount, IsWon FROM Opportunity WHERE Id = '006SB0000000000042'")
    #expect(query.object == "Opportunity" && query.idEquals == "006SB0000000000042")
    let record = SandboxSalesforceRecord(
        id: "006SB0000000000042", accountID: "001SB0000000000007", fields: ["StageName": "Closed Won"],
        modstampMilliseconds: 1_748_773_800_000)
    #expect(query.matches(record, includeDeleted: false))
    #expect(
        !query.matches(
            SandboxSalesforceRecord(
                id: "006SB0000000000043", accountID: "001SB0000000000007", fields: [:], modstampMilliseconds: 0),
            includeDeleted: true))
    let json = SalesforceJSON.record(record, type: "Opportunity", fields: query.fields, version: "v60.0")
    #expect(json["AccountId"] as? String == "001SB0000000000007" && json["StageName"] as? String == "Closed Won")
    #expect(throws: SalesforceQuery.Failure.self) { try SalesforceQuery.parse("SELECT Id, Website FROM Case") }
    #expect(throws: SalesforceQuery.Failure.self) { try SalesforceQuery.parse("SELECT Id FROM Lead") }
}
