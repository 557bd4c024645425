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
///
/// Ranges written with `%` are shares of the scored base instead: `{High: 90-100%, Medium: 70-89%, Low: 0-69%}`
/// puts the top tenth by value in High whatever the values are, so a list always flags somebody. An account's place
/// runs from 100 (nobody scores above it) to 0 (the last), 100 x (n - 1 - above) / (n - 1), so of 690 accounts the
/// top 69 are High; ties share the place of their best placed member.
public struct Bands: Sendable, Equatable, Codable {
    /// The bands, lowest first.
    public let ranges: [Band]
    /// True when the ranges are shares of the scored base (percent), not values.
    public let isShareOfBase: Bool

    /// Creates bands, checking that they cover `scale` without gaps or overlaps (whole-number edges).
    public init(_ bands: [Band], covering scale: ClosedRange<Double> = 0...100, isShareOfBase: Bool = false) throws {
        self.isShareOfBase = isShareOfBase
        let sorted = bands.sorted { $0.lower < $1.lower }
        guard let first = sorted.first, let last = sorted.last else {
            throw ConfigurationProblem("no bands given", at: ["bands"])
        }
        for band in sorted where band.lower > band.upper {
            throw ConfigurationProblem(
                "band \(band.label) runs from \(Self.text(band.lower)) down to \(Self.text(band.upper))", at: ["bands"])
        }
        if Set(sorted.map(\.label)).count != sorted.count {
            throw ConfigurationProblem("band labels repeat", at: ["bands"])
        }
        if first.lower > scale.lowerBound {
            throw ConfigurationProblem(
                "bands start at \(Self.text(first.lower)), scores start at \(Self.text(scale.lowerBound))",
                at: ["bands"])
        }
        if last.upper < scale.upperBound {
            throw ConfigurationProblem(
                "bands end at \(Self.text(last.upper)), scores reach \(Self.text(scale.upperBound))", at: ["bands"])
        }
        for (low, high) in zip(sorted, sorted.dropFirst()) {
            if high.lower <= low.upper {
                throw ConfigurationProblem(
                    "bands overlap: \(low.label) \(Self.text(low.lower))-\(Self.text(low.upper)) and "
                        + "\(high.label) \(Self.text(high.lower))-\(Self.text(high.upper))", at: ["bands"])
            }
            if high.lower > low.upper + 1 {
                throw ConfigurationProblem(
                    "bands leave a gap between \(low.label) (to \(Self.text(low.upper))) and \(high.label) "
                        + "(from \(Self.text(high.lower)))",
                    at: ["bands"])
            }
        }
        ranges = sorted
    }

    /// Bands known to be valid, for module defaults.
    public init(trusted ranges: [Band], isShareOfBase: Bool = false) {
        self.ranges = ranges.sorted { $0.lower < $1.lower }
        self.isShareOfBase = isShareOfBase
    }

    /// The labels of a batch of values, in their order: by value, or for share bands by each one's place in the batch.
    public func labels(for values: [Double]) -> [String] {
        guard isShareOfBase else { return values.map(label(for:)) }
        let descending = values.sorted(by: >)
        return values.map { value in
            // Accounts scoring strictly above this one: the first index in the descending order not above it.
            var low = 0
            var high = descending.count
            while low < high {
                let middle = (low + high) / 2
                if descending[middle] > value { low = middle + 1 } else { high = middle }
            }
            let others = Double(descending.count - 1)
            return label(for: others > 0 ? 100 * (others - Double(low)) / others : 100)
        }
    }

    /// The scores with their bands set from these bands; unchanged for value bands, which the module already used.
    public func relabel(_ scores: [ScoredAccount]) -> [ScoredAccount] {
        guard isShareOfBase else { return scores }
        return zip(scores, labels(for: scores.map(\.value))).map { score, band in
            ScoredAccount(
                accountID: score.accountID, value: score.value, band: band, components: score.components,
                details: score.details)
        }
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
        let shares = mapping.values.filter { $0.trimmingCharacters(in: .whitespaces).hasSuffix("%") }.count
        guard shares == 0 || shares == mapping.count else {
            throw ConfigurationProblem(
                "bands mix shares of the base (90-100%) and values (67-100); use one kind", at: path)
        }
        for (label, range) in mapping.sorted(by: { $0.key < $1.key }) {
            let written = range.trimmingCharacters(in: .whitespaces)
            guard let band = Self.parse(label: label, range: shares > 0 ? String(written.dropLast()) : written) else {
                throw ConfigurationProblem(
                    "band \(label): \"\(range)\" is not a range like 40-74 (or a share like 90-100%)",
                    at: path + [label])
            }
            bands.append(band)
        }
        do {
            try self.init(bands, isShareOfBase: shares > 0)
        } catch let problem as ConfigurationProblem {
            throw ConfigurationProblem(problem.message, at: path)
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        let unit = isShareOfBase ? "%" : ""
        try container.encode(
            Dictionary(
                uniqueKeysWithValues: ranges.map { ($0.label, "\(Self.text($0.lower))-\(Self.text($0.upper))\(unit)") })
        )
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
