import Foundation
import ScoreKit

/// A range of employee counts written as people do, `50-1000`, inclusive at both ends.
public struct EmployeeRange: Sendable, Equatable, Codable {
    /// The fewest employees in the range.
    public let lower: Double
    /// The most employees in the range.
    public let upper: Double

    /// Creates a range.
    public init(_ lower: Double, _ upper: Double) {
        self.lower = lower
        self.upper = upper
    }

    /// The largest employee count a range may name: a billion (no company has more).
    static let most = 1e9

    /// True when `employees` is in the range.
    public func contains(_ employees: Double) -> Bool { employees >= lower && employees <= upper }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        guard parts.count == 2, let lower = Double(parts[0]), let upper = Double(parts[1]), lower >= 0, lower <= upper
        else {
            throw ConfigurationProblem(
                "\"\(text)\" is not a range of employees like 50-1000", at: decoder.codingPath.map(\.stringValue))
        }
        guard upper <= Self.most else {
            throw ConfigurationProblem(
                "\"\(text)\": employee counts go up to \(Int(Self.most)) (a range like 50-1000)",
                at: decoder.codingPath.map(\.stringValue))
        }
        self.init(lower, upper)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode("\(Int(lower))-\(Int(upper))")
    }
}
