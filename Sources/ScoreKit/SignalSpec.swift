/// A weighted leaf signal of a configured score, used for the shared warnings (signal count, manual share).
public struct SignalSpec: Sendable, Equatable {
    /// The signal's name.
    public let name: String
    /// Its effective share of the whole score, in percent (a nested signal's weight times its group's).
    public let share: Double
    /// True when people enter it.
    public let isManual: Bool

    /// Creates a signal description.
    public init(name: String, share: Double, isManual: Bool = false) {
        self.name = name
        self.share = share
        self.isManual = isManual
    }
}
