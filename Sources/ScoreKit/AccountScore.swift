/// A named extra value on a scored account (the RFM code, a segment, a grade), shown by `show` and `explain`.
public enum DetailValue: Sendable, Codable, Equatable, CustomStringConvertible {
    case integer(Int)
    case number(Double)
    case text(String)

    public var description: String {
        switch self {
        case .integer(let value): return String(value)
        case .number(let value): return String(value)
        case .text(let value): return value
        }
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let value = try? container.decode(Int.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else {
            self = .text(try container.decode(String.self))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .integer(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .text(let value): try container.encode(value)
        }
    }
}

/// One account's result from a module: the score, its band, its components and any details.
public struct AccountScore: Sendable, Equatable {
    /// The account's id as the user's data gives it.
    public let accountID: String
    /// The score; the sum of the components' contributions.
    public let value: Double
    /// The band's label (Green, Champion, A).
    public let band: String
    /// Each signal's part.
    public let components: [Component]
    /// Named extras, in display order.
    public let details: [(name: String, value: DetailValue)]

    /// Creates a score.
    public init(
        accountID: String, value: Double, band: String, components: [Component],
        details: [(name: String, value: DetailValue)] = []
    ) {
        self.accountID = accountID
        self.value = value
        self.band = band
        self.components = components
        self.details = details
    }

    /// The detail with this name, if any.
    public func detail(_ name: String) -> DetailValue? {
        details.first { $0.name == name }?.value
    }

    public static func == (lhs: AccountScore, rhs: AccountScore) -> Bool {
        lhs.accountID == rhs.accountID && lhs.value == rhs.value && lhs.band == rhs.band
            && lhs.components == rhs.components && lhs.details.map(\.name) == rhs.details.map(\.name)
            && lhs.details.map(\.value) == rhs.details.map(\.value)
    }
}
