import Foundation
import Testing

@testable import Host

@Test func shellAnswersKeepTheRawJSONJSONSerializationWrote() throws {
    let scratch = try Scratch()
    try scratch.importText(.accounts, "accounts.csv", "account_id,name\nacme,Acme\n")
    let answers = [("profile_fit", 1.0), ("need_fit", 0), ("revenue_potential", 7)]
    try AssessmentWriter(database: scratch.database).write(
        account: "acme", answers: answers.map { AssessmentWriter.Answer(item: $0.0, value: $0.1) },
        author: "Zoë \"Z\" Ortega", date: "2025-01-31")
    let raws = try scratch.database.makeStatement("SELECT item, raw FROM assessments ORDER BY item").map {
        ($0.text(0) ?? "", $0.text(1) ?? "")
    }
    #expect(
        raws.first { $0.0 == "revenue_potential" }?.1
            == #"{"account_id":"acme","answer":7,"assessed_date":"2025-01-31","author":"Zoë \"Z\" Ortega","#
            + #""item":"revenue_potential"}"#)
    for (item, value) in answers {
        let fields: [String: Any] = [
            "account_id": "acme", "item": item, "answer": value, "author": "Zoë \"Z\" Ortega",
            "assessed_date": "2025-01-31",
        ]
        let old = try JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys])
        #expect(raws.first { $0.0 == item }?.1 == String(decoding: old, as: UTF8.self), "\(item)")
    }
}
