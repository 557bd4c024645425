/// A named extra value on a scored account (the RFM code, a segment, a grade), shown by `show` and `explain`.
public enum DetailValue: Sendable, Codable, Equatable, CustomStringConvertible {
    case integer(Int)
    case number(Double)
    case text(String)

    /// The value as a number, when it is one.
    public var number: Double? {
        switch self {
        case .integer(let value): return Double(value)
        case .number(let value): return value
        case .text: return nil
        }
    }

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
