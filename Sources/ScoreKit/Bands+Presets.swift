/// The bands modules default to, each edge written once.
extension Bands {
    /// Bands from each label's lowest value, highest band first, for module defaults (known to be valid).
    ///
    /// Each band reaches up to the next one's lowest value less 1, the highest to 100:
    /// `[("Green", 75), ("Yellow", 40), ("Red", 0)]` is Green 75-100, Yellow 40-74, Red 0-39.
    public static func floors(_ floors: [(label: String, lower: Double)], isShareOfBase: Bool = false) -> Bands {
        let uppers = [100] + floors.dropLast().map { $0.lower - 1 }
        return Bands(
            trusted: zip(floors, uppers).map { Band($0.label, $0.lower, $1) }, isShareOfBase: isShareOfBase)
    }

    /// The default health-style bands: Green 75-100, Yellow 40-74, Red 0-39 (seed 004).
    public static let greenYellowRed = floors([("Green", 75), ("Yellow", 40), ("Red", 0)])

    /// Thirds of the score: High 67-100, Medium 34-66, Low 0-33.
    public static let highMediumLow = floors([("High", 67), ("Medium", 34), ("Low", 0)])

    /// Shares of the scored base: the top tenth `top`, the next fifth `next` and the rest `rest` (90-100%, 70-89%,
    /// 0-69%), so a list always flags somebody, however few accounts reach a high value.
    public static func topTenth(_ top: String, nextFifth next: String, rest: String) -> Bands {
        floors([(top, 90), (next, 70), (rest, 0)], isShareOfBase: true)
    }
}

extension Bands: DescribableDefault {
    /// The bands highest first, as help text says them: `Green 75-100, Yellow 40-74, Red 0-39`; `High 90-100%` for
    /// shares of the base, `Low 0` for a band of one value.
    public var defaultText: String {
        let unit = isShareOfBase ? "%" : ""
        return ranges.reversed().map { band in
            let range =
                band.lower == band.upper ? Self.text(band.lower) : "\(Self.text(band.lower))-\(Self.text(band.upper))"
            return "\(band.label) \(range)\(unit)"
        }.joined(separator: ", ")
    }
}
