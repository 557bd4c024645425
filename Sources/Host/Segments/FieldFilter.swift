/// A `where:` condition on any other account field: a canonical column (name, domain, created_date, source...) or a
/// field of the raw JSON an import or a sync kept (`plan`, `owner`, `segment`, custom properties).
///
/// The value is a name or a list of names, compared without case, or a numeric range like `10-500`.
public struct FieldFilter: Sendable, Equatable, CustomStringConvertible {
    /// The field as written (`plan`, or a path such as `properties.plan`).
    public let field: String
    /// Values that match, lower case; empty when the filter is a range.
    public let values: [String]
    /// Numbers that match; nil when the filter is a list of names.
    public let range: ClosedRange<Double>?

    /// Creates a filter on names; they are compared without case.
    public init(field: String, values: [String]) {
        self.field = field
        self.values = values.map { $0.lowercased() }
        self.range = nil
    }

    /// Creates a filter on a numeric range.
    public init(field: String, range: ClosedRange<Double>) {
        self.field = field
        self.values = []
        self.range = range
    }

    /// True when an account whose field reads `text` matches; an unknown field never does.
    public func matches(_ text: String?) -> Bool {
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return false }
        if let range {
            guard let number = Double(text) else { return false }
            return range.contains(number)
        }
        return values.contains(text.lowercased())
    }

    public var description: String {
        if let range { return "\(field) \(range.lowerBound)-\(range.upperBound)" }
        return "\(field) in [\(values.sorted().joined(separator: ", "))]"
    }
}
