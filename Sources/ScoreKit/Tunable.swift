/// One setting of a score that a team tunes in a spreadsheet: a level of weights, a set of bands, a point grid, a
/// list of bin edges or a table of values, with the values in force (defaults included).
///
/// `path` is where the setting sits in the score's YAML (`["weights"]`, `["grids", "feature_usage"]`), so the host
/// can write it back there; each entry is one spreadsheet row.
public struct Tunable: Sendable, Equatable {
    /// What the entries are, which says which of key, low, high and value each one fills.
    public enum Kind: String, Sendable, CaseIterable {
        /// A signal's weight in percent: key and value.
        case weight
        /// A band on the score's value: key (the label), low and high.
        case band
        /// A band on the share of the scored base, in percent: key, low and high.
        case share
        /// A step of a point grid: low, high (none for open-ended) and value (the points).
        case points
        /// A bin edge: key (its position, from 1) and value.
        case edge
        /// A named number, such as a sector's risk: key and value.
        case value
    }

    /// One row of a tunable.
    public struct Entry: Sendable, Equatable {
        /// The signal, label, position or name; empty for a grid step.
        public let key: String
        /// A band's or grid step's lowest value.
        public let low: Double?
        /// A band's or grid step's highest value; nil for an open-ended step (`10+`).
        public let high: Double?
        /// A weight, points, an edge or a value.
        public let value: Double?

        /// Creates an entry.
        public init(key: String, low: Double? = nil, high: Double? = nil, value: Double? = nil) {
            self.key = key
            self.low = low
            self.high = high
            self.value = value
        }
    }

    /// Keys from the score's settings down to the setting.
    public let path: [String]
    /// What the entries are.
    public let kind: Kind
    /// The entries, in the order people read them (weights in signal order, bands highest first).
    public let entries: [Entry]

    /// Creates a tunable.
    public init(path: [String], kind: Kind, entries: [Entry]) {
        self.path = path
        self.kind = kind
        self.entries = entries
    }

    /// Weights in force, in signal order.
    public static func weights(_ weights: [(name: String, weight: Double)], at path: [String] = ["weights"]) -> Tunable
    {
        Tunable(path: path, kind: .weight, entries: weights.map { Entry(key: $0.name, value: $0.weight) })
    }

    /// Bands in force, highest first; shares of the base when they are.
    public static func bands(_ bands: Bands, at path: [String] = ["bands"]) -> Tunable {
        Tunable(
            path: path, kind: bands.isShareOfBase ? .share : .band,
            entries: bands.ranges.reversed().map { Entry(key: $0.label, low: $0.lower, high: $0.upper) })
    }

    /// A point grid's steps, lowest first.
    public static func grid(_ grid: PointGrid, at path: [String]) -> Tunable {
        Tunable(
            path: path, kind: .points,
            entries: grid.steps.map {
                Entry(key: "", low: $0.lower, high: $0.upper.isFinite ? $0.upper : nil, value: $0.points)
            })
    }

    /// Bin edges in their order, numbered from 1.
    public static func edges(_ edges: [Double], at path: [String]) -> Tunable {
        Tunable(
            path: path, kind: .edge,
            entries: edges.enumerated().map { Entry(key: String($0.offset + 1), value: $0.element) })
    }

    /// Named numbers in the given order.
    public static func values(_ values: [(name: String, value: Double)], at path: [String]) -> Tunable {
        Tunable(path: path, kind: .value, entries: values.map { Entry(key: $0.name, value: $0.value) })
    }
}
