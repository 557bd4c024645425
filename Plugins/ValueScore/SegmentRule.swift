import ScoreKit

/// A range of letter scores (1...5) in a segment rule, written `4-5`, `5`, or left out for any.
public struct LetterRange: Sendable, Equatable, Codable {
    /// The scores the range admits.
    public let scores: ClosedRange<Int>

    /// Creates a range.
    public init(_ scores: ClosedRange<Int>) { self.scores = scores }

    /// Any score.
    public static let any = LetterRange(1...5)

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let single = try? container.decode(Int.self) {
            guard (1...5).contains(single) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "\(single) is not a score 1-5")
            }
            scores = single...single
            return
        }
        let text = try container.decode(String.self)
        // A single score reads as the range of that score, as `encode(to:)` writes it (`"5"`).
        let parts = text.split(separator: "-").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        let bounds = parts.count == 1 ? parts + parts : parts
        guard bounds.count == 2, let low = bounds[0], let high = bounds[1], 1 <= low, low <= high, high <= 5 else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "\"\(text)\" is not a range of scores like 4-5")
        }
        scores = low...high
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(
            scores.lowerBound == scores.upperBound
                ? "\(scores.lowerBound)" : "\(scores.lowerBound)-\(scores.upperBound)")
    }
}

/// One rule of the RFM segment map: a name for the codes whose letters fall in its ranges.
///
/// The first match wins.
public struct SegmentRule: Sendable, Equatable, Codable {
    /// The segment's name.
    public let name: String
    /// Admitted recency scores.
    public let r: LetterRange
    /// Admitted frequency scores.
    public let f: LetterRange
    /// Admitted monetary (or engagement) scores.
    public let m: LetterRange

    /// Creates a rule.
    public init(_ name: String, r: ClosedRange<Int> = 1...5, f: ClosedRange<Int> = 1...5, m: ClosedRange<Int> = 1...5) {
        self.name = name
        self.r = LetterRange(r)
        self.f = LetterRange(f)
        self.m = LetterRange(m)
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        r = try container.decodeIfPresent(LetterRange.self, forKey: .r) ?? .any
        f = try container.decodeIfPresent(LetterRange.self, forKey: .f) ?? .any
        m = try container.decodeIfPresent(LetterRange.self, forKey: .m) ?? .any
    }

    /// True when the rule admits the code.
    public func admits(r: Int, f: Int, m: Int) -> Bool {
        self.r.scores.contains(r) && self.f.scores.contains(f) && self.m.scores.contains(m)
    }
}

/// The map from RFM codes to segment names.
public enum SegmentMap {
    /// The default map: names all 125 codes, with 555 Champion, 544 Loyal, 333 Needs Attention, 222 At Risk, 111 Lost.
    public static let standard: [SegmentRule] = [
        SegmentRule("Champion", r: 4...5, f: 5...5, m: 4...5),
        SegmentRule("Loyal", r: 3...5, f: 4...5),
        SegmentRule("Can't Lose Them", r: 1...2, f: 4...5, m: 4...5),
        SegmentRule("New Customer", r: 5...5, f: 1...1),
        SegmentRule("Potential Loyalist", r: 4...5, f: 2...3),
        SegmentRule("Promising", r: 4...4, f: 1...1),
        SegmentRule("Needs Attention", r: 3...3, f: 2...3),
        SegmentRule("About to Sleep", r: 3...3, f: 1...1),
        SegmentRule("At Risk", r: 2...2, f: 2...5),
        SegmentRule("Lost", r: 1...1, f: 1...2),
        SegmentRule("Hibernating", r: 1...2),
    ]

    /// The segment for a code, or nil when no rule admits it.
    public static func segment(r: Int, f: Int, m: Int, rules: [SegmentRule]) -> String? {
        rules.first { $0.admits(r: r, f: f, m: m) }?.name
    }

    /// The first code no rule names, if any.
    public static func firstUnnamedCode(in rules: [SegmentRule]) -> String? {
        for r in (1...5).reversed() {
            for f in (1...5).reversed() {
                for m in (1...5).reversed() where segment(r: r, f: f, m: m, rules: rules) == nil {
                    return "\(r)\(f)\(m)"
                }
            }
        }
        return nil
    }
}
