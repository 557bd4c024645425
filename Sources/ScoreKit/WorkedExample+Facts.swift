/// What worked examples write facts with: the day they are scored as of and their accounts.
extension Day {
    /// The day worked examples are scored as of: 2025-01-01.
    public static let workedExample = Day(year: 2025, month: 1, day: 1) ?? Day(ordinal: 20_089)
}

extension AccountRef {
    /// An account named by its id, as worked examples and tests write them.
    public init(_ id: String) {
        self.init(id: id, name: id)
    }
}
