import Foundation

/// Points by absolute thresholds, the way ChurnZero and HubSpot users score a signal: `10+` uses earn all 100 points,
/// `5-9` half, `0-4` none.
///
/// Ranges are whole-number inclusive (`5-9`), open-ended (`10+`) or single (`0`); a value between two ranges (9.5)
/// belongs to the lower one. Gaps and overlaps are refused.
public struct PointGrid: Sendable, Equatable, Codable {
    /// One range and its points (0...100).
    public struct Step: Sendable, Equatable {
        public let lower: Double
        public let upper: Double
        public let points: Double
    }

    /// The steps, lowest first.
    public let steps: [Step]

    /// Builds a grid from `range: points` pairs, checking for gaps, overlaps and points outside 0-100.
    public init(_ entries: [(range: String, points: Double)], at path: [String] = []) throws {
        var steps: [Step] = []
        for (range, points) in entries {
            guard let (lower, upper) = Self.parse(range) else {
                throw ConfigurationProblem("\"\(range)\" is not a range like 5-9, 10+ or 0", at: path)
            }
            guard (0...100).contains(points) else {
                throw ConfigurationProblem("points must be 0-100, got \(Self.text(points)) for \(range)", at: path)
            }
            steps.append(Step(lower: lower, upper: upper, points: points))
        }
        steps.sort { $0.lower < $1.lower }
        guard !steps.isEmpty else { throw ConfigurationProblem("a grid needs at least one range", at: path) }
        for (low, high) in zip(steps, steps.dropFirst()) {
            if high.lower <= low.upper {
                throw ConfigurationProblem("ranges overlap: \(Self.text(low)) and \(Self.text(high))", at: path)
            }
            if high.lower > low.upper + 1 {
                throw ConfigurationProblem(
                    "ranges leave a gap between \(Self.text(low)) and \(Self.text(high))", at: path)
            }
        }
        if let last = steps.last, last.upper.isFinite {
            throw ConfigurationProblem(
                "the highest range \(Self.text(last)) must be open-ended, like \(Self.text(last.lower))+", at: path)
        }
        self.steps = steps
    }

    /// The points for a value; below the lowest range, the lowest range's points.
    public func points(for value: Double) -> Double {
        steps.last { value >= $0.lower }?.points ?? steps.first?.points ?? 0
    }

    /// Scores a whole column; nil stays nil.
    public func scale(_ values: [Double?]) -> [Double?] {
        values.map { $0.map(points(for:)) }
    }

    public init(from decoder: Decoder) throws {
        // Keyed by range text; read through the keys themselves, since a range like "0" also reads as an index.
        let container = try decoder.container(keyedBy: RangeKey.self)
        let entries = try container.allKeys.map { key in
            (key.stringValue, try container.decode(Double.self, forKey: key))
        }
        try self.init(entries, at: decoder.codingPath.map(\.stringValue))
    }

    private struct RangeKey: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { self.stringValue = String(intValue) }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(Dictionary(uniqueKeysWithValues: steps.map { (Self.text($0), $0.points) }))
    }

    static func parse(_ range: String) -> (Double, Double)? {
        let text = range.trimmingCharacters(in: .whitespaces)
        if text.hasSuffix("+"), let lower = Double(text.dropLast()) { return (lower, .infinity) }
        if let single = Double(text) { return (single, single) }
        let parts = text.split(separator: "-", maxSplits: 1).map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 2, let lower = parts[0], let upper = parts[1], lower <= upper else { return nil }
        return (lower, upper)
    }

    static func text(_ step: Step) -> String {
        step.upper.isInfinite
            ? "\(text(step.lower))+"
            : step.lower == step.upper ? text(step.lower) : "\(text(step.lower))-\(text(step.upper))"
    }

    static func text(_ value: Double) -> String { Bands.text(value) }
}
