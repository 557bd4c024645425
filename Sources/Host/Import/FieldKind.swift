import ScoreKit
import Store

/// How an imported column is checked and stored.
enum FieldKind: Sendable {
    /// Free text.
    case text
    /// `YYYY-MM-DD` (a longer ISO 8601 timestamp keeps its date).
    case date
    /// An ISO 8601 date or timestamp, kept as written after checking its date.
    case timestamp
    /// A whole number (counts, minor units of money), at most ±10^15 so no sum of them overflows.
    case integer
    /// One of a fixed set of words (lower-cased).
    case choice([String])
    /// An assessment answer: yes/no/true/false, or a rating 0-10.
    case answer
    /// The id of an account already imported.
    case account
    /// A yes/no flag stored as 1 or 0.
    case flag

    /// The largest whole number a column holds: ten trillion in major units, in minor units.
    static let largestInteger: UInt64 = 1_000_000_000_000_000

    /// Parses a non-empty field, or returns why it cannot.
    func parse(_ text: String) -> Result<SQLValue, FieldProblem> {
        switch self {
        case .text, .account:
            return .success(.text(text))
        case .date:
            guard Day(iso: text) != nil else { return .failure(FieldProblem("\"\(text)\" is not a date (YYYY-MM-DD)")) }
            return .success(.text(text.utf8.count == 10 ? text : String(text.prefix(10))))
        case .timestamp:
            guard Day(iso: text) != nil else {
                return .failure(FieldProblem("\"\(text)\" is not an ISO 8601 date or timestamp"))
            }
            return .success(.text(text))
        case .integer:
            let tooLarge =
                Double(text).map { $0 == $0.rounded() && $0.magnitude > Double(Self.largestInteger) } ?? false
            guard let number = Int64(text) ?? (tooLarge ? Int64.max : nil) else {
                return .failure(FieldProblem("\"\(text.prefix(40))\" is not a whole number"))
            }
            guard number.magnitude <= Self.largestInteger else {
                return .failure(FieldProblem("\(text.prefix(40)) is out of range (at most ±\(Self.largestInteger))"))
            }
            return .success(.integer(number))
        case .choice(let words):
            let word = text.lowercased()
            guard words.contains(word) else {
                return .failure(FieldProblem("\"\(text)\" is not one of \(words.joined(separator: ", "))"))
            }
            return .success(.text(word))
        case .flag:
            switch text.lowercased() {
            case "yes", "true", "y", "1": return .success(.integer(1))
            case "no", "false", "n", "0": return .success(.integer(0))
            default: return .failure(FieldProblem("\"\(text)\" is not a flag (yes, no, true, false, 1, 0)"))
            }
        case .answer:
            switch text.lowercased() {
            case "yes", "true", "y": return .success(.real(1))
            case "no", "false", "n": return .success(.real(0))
            default:
                guard let number = Double(text), (0...10).contains(number) else {
                    return .failure(FieldProblem("\"\(text)\" is not an answer (yes, no, or a rating 0-10)"))
                }
                return .success(.real(number))
            }
        }
    }
}

/// Why a field could not be parsed.
struct FieldProblem: Error {
    let reason: String
    init(_ reason: String) { self.reason = reason }
}
