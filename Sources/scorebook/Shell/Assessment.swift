import Foundation
import Host
import ScoreKit

/// `assess ACCOUNT`: asks a score's assessment items one by one (seed 000's four value questions by default).
struct Assessment {
    /// The score whose items are asked.
    let score: NamedScore
    /// The items, in the score's order.
    let items: [String]
    /// True when the score's answers are ratings 1-10, false for yes/no.
    let isRating: Bool

    /// The question asked for each of seed 000's items; other items are asked by name.
    private static let questions = [
        "profile_fit": "Profile fit: does the account match our ideal customer profile?",
        "need_fit": "Need fit: does our product meet a real need of theirs?",
        "low_effort": "Low effort to serve: is the account easy to serve?",
        "revenue_potential": "Revenue potential: can the account grow its revenue with us?",
    ]

    /// The assessment of `name`, or of the first configured score with assessment items when `name` is nil.
    init(configuration: ScorebookConfiguration, name: String?) throws {
        let withItems = configuration.scores.filter { !Self.items(of: $0).isEmpty }
        let chosen: NamedScore
        if let name {
            chosen = try configuration.score(named: name)
        } else if let first = withItems.first {
            chosen = first
        } else {
            throw CleanError("no configured score asks for assessments (a value score with method: qualitative)")
        }
        items = Self.items(of: chosen)
        guard !items.isEmpty else { throw CleanError("score \"\(chosen.name)\" has no assessment items") }
        score = chosen
        isRating = Self.answersAreRatings(chosen.canonicalConfiguration)
    }

    private static func items(of score: NamedScore) -> [String] {
        score.facts.compactMap { key in
            if case .assessment(let item) = key { return item }
            return nil
        }
    }

    private static func answersAreRatings(_ json: String) -> Bool {
        let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        return (object?["answers"] as? String) == "rating"
    }

    /// The range said to the user.
    var allowed: String { isRating ? "a whole number from 1 to 10" : "yes or no" }

    /// The question for `item` with its allowed answers.
    func question(_ item: String) -> String {
        "\(Self.questions[item] ?? "\(item)?") [\(isRating ? "1-10" : "y/n")] "
    }

    /// The value of an answer, or nil when it is out of range.
    func value(of answer: String) -> Double? {
        let text = answer.trimmingCharacters(in: .whitespaces).lowercased()
        if isRating {
            guard let number = Int(text), (1...10).contains(number) else { return nil }
            return Double(number)
        }
        switch text {
        case "y", "yes": return 1
        case "n", "no": return 0
        default: return nil
        }
    }

    /// Asks every item through `ask` until each has an allowed answer; nil when the user gives up (Ctrl-C, Ctrl-D).
    func answers(ask: (String) -> String?, say: (String) -> Void) -> [AssessmentWriter.Answer]? {
        var answers: [AssessmentWriter.Answer] = []
        for item in items {
            while true {
                guard let answer = ask(question(item)) else { return nil }
                if let value = value(of: answer) {
                    answers.append(AssessmentWriter.Answer(item: item, value: value))
                    break
                }
                say("\"\(answer)\" is not allowed: answer \(allowed)")
            }
        }
        return answers
    }
}
