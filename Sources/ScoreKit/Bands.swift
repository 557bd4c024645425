import Foundation

/// One labelled range of scores, inclusive at both ends as people write them (`Yellow: 40-74`).
public struct Band: Sendable, Equatable {
    /// The label (Green, High, A).
    public let label: String
    /// The lowest score in the band.
    public let lower: Double
    /// The highest score in the band as written; a score between this and the next band's lower bound belongs here.
    public let upper: Double

    /// Creates a band.
    public init(_ label: String, _ lower: Double, _ upper: Double) {
        self.label = label
        self.lower = lower
        self.upper = upper
    }
}

/// Thresholds that turn a score into a label, checked for gaps and overlaps.
///
/// Written in YAML as a mapping of label to range: `bands: {Green: 75-100, Yellow: 40-74, Red: 0-39}`.
/// A score belongs to the highest band whose lower bound it reaches, so 74.6 is Yellow and 75 is Green.
public struct Bands: Sendable, Equatable, Codable {
    /// The bands, lowest first.
    public let ranges: [Band]

    /// Creates bands, checking that they cover `scale` without gaps or overlaps (whole-number edges).
    public init(_ bands: [Band], covering scale: ClosedRange<Double> = 0...100) throws {
        let sorted = bands.sorted { $0.lower < $1.lower }
        guard let first = sorted.first, let last = sorted.last else {
            throw ConfigurationProblem("no bands given", at: ["bands"])
        }
        for band in sorted where band.lower > band.upper {
            throw ConfigurationProblem("band \(band.label) runs from \(Self.text(band.lower)) down to \(Self.text(band.upper))", at: ["bands"])
        }
        if Set(sorted.map(\.label)).count != sorted.count {
            throw ConfigurationProblem("band labels repeat", at: ["bands"])
        }
        if first.lower > scale.lowerBound {
            throw ConfigurationProblem("bands start at \(Self.text(first.lower)), scores start at \(Self.text(scale.lowerBound))", at: ["bands"])
        }
        if last.upper < scale.upperBound {
            throw ConfigurationProblem("bands end at \(Self.text(last.upper)), scores reach \(Self.text(scale.upperBound))", at: ["bands"])
        }
        for (low, high) in zip(sorted, sorted.dropFirst()) {
            if high.lower <= low.upper {
                throw ConfigurationProblem(
                    "bands overlap: \(low.label) \(Self.text(low.lower))-\(Self.text(low.upper)) and "
                        + "\(high.label) \(Self.text(high.lower))-\(Self.text(high.upper))", at: ["bands"])
            }
            if high.lower > low.upper + 1 {
                throw ConfigurationProblem(
                    "bands leave a gap between \(low.label) (to \(Self.text(low.upper))) and \(high.label) (from \(Self.text(high.lower)))",
                    at: ["bands"])
            }
        }
        ranges = sorted
    }

    /// The default health-style bands: Green 75-100, Yellow 40-74, Red 0-39 (seed 004).
    public static let greenYellowRed = Bands(trusted: [Band("Red", 0, 39), Band("Yellow", 40, 74), Band("Green", 75, 100)])

    /// Bands known to be valid, for module defaults.
    public init(trusted ranges: [Band]) {
        self.ranges = ranges.sorted { $0.lower < $1.lower }
    }

    /// The label for a score.
    public func label(for score: Double) -> String {
        var label = ranges.first?.label ?? ""
        for band in ranges where score >= band.lower {
            label = band.label
        }
        return label
    }

    /// The labels, highest band first.
    public var labels: [String] { ranges.reversed().map(\.label) }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let mapping = try container.decode([String: String].self)
        let path = decoder.codingPath.map(\.stringValue)
        var bands: [Band] = []
        for (label, range) in mapping.sorted(by: { $0.key < $1.key }) {
            guard let band = Self.parse(label: label, range: range) else {
                throw ConfigurationProblem("band \(label): \"\(range)\" is not a range like 40-74", at: path + [label])
            }
            bands.append(band)
        }
        do {
            try self.init(bands)
        } catch let problem as ConfigurationProblem {
            throw ConfigurationProblem(problem.message, at: path)
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(Dictionary(uniqueKeysWithValues: ranges.map { ($0.label, "\(Self.text($0.lower))-\(Self.text($0.upper))") }))
    }

    static func parse(label: String, range: String) -> Band? {
        let trimmed = range.trimmingCharacters(in: .whitespaces)
        // The separator is the first "-" after the first character, so negative lower bounds still parse.
        guard let dash = trimmed.dropFirst().firstIndex(of: "-"),
            let lower = Double(trimmed[..<dash].trimmingCharacters(in: .whitespaces)),
            let upper = Double(trimmed[trimmed.index(after: dash)...].trimmingCharacters(in: .whitespaces))
        else { return nil }
        return Band(label, lower, upper)
    }

    static func text(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
