import Foundation
import Testing

@testable import Host

@Test func aStoredPayloadReadsBackToTheValuesLastDigit() {
    // JSONSerialization read this value as 0.3000000000000001.
    let payload = ActionPayload(
        json: #"{"account_id":"acc-1","previous_band":null,"run":7,"value":0.30000000000000004}"#)
    #expect(payload.value == 0.30000000000000004)
    #expect(payload.runID == 7 && payload.accountID == "acc-1" && payload.previousBand == nil)
    #expect(payload.csvCells[5] == "0.30000000000000004", "the CSV row says what the webhook body says")
}
