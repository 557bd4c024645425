/// Per-signal columns of a batch, raw and scaled, with their weights: the weighted sum every module shares.
///
/// Column `i` of `raw` and `scaled` belongs to `weights[i]`; rows are the scored accounts. Signals weighted 0 are
/// left out of the components, and a missing scaled value counts as `missing`.
public struct SignalColumns: Sendable {
    /// The signals' names and weights, in column order.
    public let weights: [(name: String, weight: Double)]
    /// Raw values per signal.
    public let raw: [[Double?]]
    /// Scaled values (0...100) per signal.
    public let scaled: [[Double?]]
    /// Which signals people enter.
    public let manual: [Bool]
    /// The scaled value of an account without the fact.
    public let missing: Double
    /// The columns of the signals weighted above 0, the ones components are made of.
    private let weighted: [Int]

    /// Creates the columns; `manual` defaults to none.
    public init(
        weights: [(name: String, weight: Double)], raw: [[Double?]], scaled: [[Double?]], manual: [Bool]? = nil,
        missing: Double
    ) {
        precondition(
            raw.count == weights.count && scaled.count == weights.count, "one raw and one scaled column per weight")
        self.weights = weights
        self.raw = raw
        self.scaled = scaled
        self.manual = manual ?? Array(repeating: false, count: weights.count)
        self.missing = missing
        self.weighted = weights.indices.filter { weights[$0].weight > 0 }
    }

    /// One account's components, in signal order.
    public func components(row: Int) -> [Component] {
        // Mapped from the weighted columns, the array is made at its size at once: growing it component by component
        // was 7% of an expansion run's samples on M (27 components an account), and a sixth of its peak memory.
        weighted.map { index in
            Component(
                signal: weights[index].name, raw: raw[index][row], normalised: scaled[index][row] ?? missing,
                weight: weights[index].weight, isManual: manual[index])
        }
    }
}

extension Sequence where Element == Component {
    /// The score the components make: the sum of their contributions.
    public var total: Double { reduce(0) { $0 + $1.contribution } }
}
