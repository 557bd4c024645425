import ScoreKit

/// A named score's `where:` filter on account fields, applied before scoring: every field given must match.
///
/// `where: {industry: [software, fintech], employees: 50-1000, country: US}`: industries and countries are compared
/// without case, a single value or a list; employees is an inclusive range. Any other field (`plan: pro`) is read
/// from the account's columns or raw JSON (`FieldFilter`). An account whose field is unknown does not match a filter
/// on that field.
public struct Segment: Sendable, Equatable, CustomStringConvertible {
    /// Industries that match, lower case; empty for any.
    public let industries: [String]
    /// Employee counts that match; nil for any.
    public let employees: ClosedRange<Double>?
    /// Countries that match, lower case; empty for any.
    public let countries: [String]
    /// Conditions on any other field, a canonical column or the raw JSON's (`plan: [pro, enterprise]`).
    public let others: [FieldFilter]

    /// The fields with their own rules; any other name is a `FieldFilter`.
    public static let fields = ["industry", "employees", "country"]

    /// Creates a filter; names are compared without case.
    public init(
        industries: [String] = [], employees: ClosedRange<Double>? = nil, countries: [String] = [],
        others: [FieldFilter] = []
    ) {
        self.industries = industries.map { $0.lowercased() }
        self.employees = employees
        self.countries = countries.map { $0.lowercased() }
        self.others = others.sorted { $0.field < $1.field }
    }

    /// True when an account with these fields is in the segment.
    public func matches(industry: String?, employees count: Double?, country: String?) -> Bool {
        if !industries.isEmpty {
            guard let industry, industries.contains(industry.lowercased()) else { return false }
        }
        if let employees {
            guard let count, employees.contains(count) else { return false }
        }
        if !countries.isEmpty {
            guard let country, countries.contains(country.lowercased()) else { return false }
        }
        return true
    }

    /// The filter as one line, stable for fingerprints: `industry in [fintech, software]; employees 50-1000`.
    public var description: String {
        var parts: [String] = []
        if !industries.isEmpty { parts.append("industry in [\(industries.sorted().joined(separator: ", "))]") }
        if let employees {
            parts.append("employees \(Self.text(employees.lowerBound))-\(Self.text(employees.upperBound))")
        }
        if !countries.isEmpty { parts.append("country in [\(countries.sorted().joined(separator: ", "))]") }
        parts += others.map(\.description)
        return parts.joined(separator: "; ")
    }

    private static func text(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
