/// A configuration whose bands follow the score's value (Green 75-100...), so the host can band a value it made, such
/// as a parent account's roll-up of its children.
///
/// RFM segments do not follow the value and are not banded so.
public protocol BandedConfiguration {
    /// The bands in force.
    var effectiveBands: Bands { get }
}
