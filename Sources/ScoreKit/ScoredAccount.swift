/// One account's result from a module: the score, its band, its components and any details.
public struct ScoredAccount: Sendable, Equatable {
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

    public static func == (lhs: ScoredAccount, rhs: ScoredAccount) -> Bool {
        lhs.accountID == rhs.accountID && lhs.value == rhs.value && lhs.band == rhs.band
            && lhs.components == rhs.components && lhs.details.map(\.name) == rhs.details.map(\.name)
            && lhs.details.map(\.value) == rhs.details.map(\.value)
    }
}
