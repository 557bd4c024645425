import Foundation

/// Numbers in a tuning sheet and in the YAML it writes: read strictly, written so they read back exactly.
enum TuningNumber {
    /// The largest magnitude a tunable may have: no weight, threshold or risk comes near, and sums of such numbers
    /// cannot overflow.
    static let largest = 1e15

    /// Why a cell is not a number a sheet may hold.
    enum Problem: Error, Equatable {
        /// Not a plain decimal number (a formula, a percent sign, a decimal comma, words).
        case notANumber
        /// A number past `largest`, or one that does not fit a double at all.
        case outOfRange
    }

    /// The number a cell holds: an optional sign, digits, an optional fraction and exponent; nothing else.
    static func parse(_ text: String) -> Result<Double, Problem> {
        guard text.utf8.count <= 40, text.range(of: pattern, options: .regularExpression) != nil else {
            return .failure(.notANumber)
        }
        guard let number = Double(text), number.isFinite, number.magnitude <= largest else {
            return .failure(.outOfRange)
        }
        return .success(number == 0 ? 0 : number)
    }

    /// The number as a sheet shows it: whole numbers without a fraction, others in the shortest text that reads back
    /// as the same double.
    static func text(_ value: Double) -> String {
        if value == value.rounded(), value.magnitude < largest { return String(Int64(value)) }
        return String(value)
    }

    /// The number as YAML reads it back as a float: YAML 1.1 wants a dot before an exponent (`1.0e-05`).
    static func yaml(_ value: Double) -> String {
        let written = text(value)
        guard let exponent = written.firstIndex(where: { $0 == "e" || $0 == "E" }),
            !written[..<exponent].contains(".")
        else { return written }
        return written[..<exponent] + ".0" + written[exponent...]
    }

    /// True when two numbers are the same setting: equal to 1 part in 10^12, since a spreadsheet keeps 15
    /// significant digits of 33.333333333333336.
    static func same(_ first: Double?, _ second: Double?) -> Bool {
        guard let first, let second else { return first == nil && second == nil }
        return abs(first - second) <= 1e-12 * max(1, abs(first), abs(second))
    }

    private static let pattern = #"^[+-]?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]{1,3})?$"#
}
