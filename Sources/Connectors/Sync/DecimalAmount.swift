import Foundation

/// Money written as a decimal string in the currency's major unit (HubSpot's `"amount": "24000.50"`).
enum DecimalAmount {
    /// Minor units (cents) of a plain decimal string: `"24000"` → 2400000, `"-12.5"` → -1250, `"0.125"` → 13 (half away
    /// from zero).
    ///
    /// Nil when the text is not a plain decimal number or does not fit.
    static func cents(_ text: String) -> Int64? {
        var number = Substring(text.trimmingCharacters(in: .whitespaces))
        let negative = number.first == "-"
        if negative || number.first == "+" { number = number.dropFirst() }
        let parts = number.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = parts.first ?? ""
        let fraction = parts.count == 2 ? parts[1] : ""
        guard !(whole.isEmpty && fraction.isEmpty), whole.count <= 15,
            (whole + fraction).allSatisfy({ $0.isASCII && $0.isNumber })
        else { return nil }
        let units = Int64(whole.isEmpty ? "0" : whole) ?? 0
        let thousandths = Int64((fraction + "000").prefix(3)) ?? 0
        let cents = units * 100 + thousandths / 10 + (thousandths % 10 >= 5 ? 1 : 0)
        return negative ? -cents : cents
    }
}
