/// A configuration that says which way its score points, for a module whose scores can point either way.
///
/// The account module scores a journey towards expansion (higher is better for the account) or towards attrition
/// (higher is nearer the loss); the host orders runs, rolls up `worst` and validates by this instead of the module's
/// `higherIsBetter`.
public protocol DirectedConfiguration {
    /// True when a higher value is better for the account.
    var higherIsBetter: Bool { get }
}
