import Foundation

/// Numbers from an API, converted with checks: a value no canonical column can hold (an amount past ten trillion in
/// major units, a timestamp outside years 1 to 9999, a price × quantity that overflows) is `OutOfRange`, never a trap.
enum CheckedNumber {
    /// The largest amount in minor units a row may hold: 10^15 (ten trillion dollars).
    ///
    /// Sums of many such amounts still fit in 64 bits, so no fact query overflows either.
    static let maxMinorUnits: Int64 = 1_000_000_000_000_000

    /// Unix seconds of 0001-01-01 and of 9999-12-31 23:59:59.
    static let secondsRange: ClosedRange<Int64> = -62_135_596_800...253_402_300_799

    /// An amount in minor units, or nil when absent (or not a number); out of range throws.
    static func minorUnits(_ value: Any?, field: String) throws -> Int64? {
        if let integer = value as? Int { return try minorUnits(Int64(integer), field: field) }  // one cast, mostly
        guard let value, !(value is Bool) else { return nil }
        guard let number = JSONNumber.double(value) else { return nil }
        guard let whole = JSONNumber.int64(value) else { throw OutOfRange(field: field, value: "\(number)") }
        return try minorUnits(whole, field: field)
    }

    /// The amount when within ±`maxMinorUnits`.
    static func minorUnits(_ amount: Int64, field: String) throws -> Int64 {
        guard amount.magnitude <= maxMinorUnits.magnitude else { throw OutOfRange(field: field, value: String(amount)) }
        return amount
    }

    /// A computed amount (a monthly amount from a price) rounded to minor units, when finite and within range.
    static func minorUnits(_ amount: Double, field: String) throws -> Int64 {
        guard amount.isFinite, amount.magnitude <= Double(maxMinorUnits) else {
            throw OutOfRange(field: field, value: "\(amount)")
        }
        return Int64(amount.rounded())
    }

    /// `a × b` when it is within range.
    static func product(_ a: Int64, _ b: Int64, field: String) throws -> Int64 {
        let (product, overflow) = a.multipliedReportingOverflow(by: b)
        guard !overflow else { throw OutOfRange(field: field, value: "\(a) × \(b)") }
        return try minorUnits(product, field: field)
    }

    /// The day of unix seconds, or nil when absent; a timestamp outside years 1 to 9999 throws.
    static func day(_ value: Any?, field: String) throws -> String? {
        let seconds: Int64?
        if let integer = value as? Int {  // one cast for what JSONReader makes of a timestamp
            seconds = Int64(integer)
        } else {
            guard let value, !(value is NSNull), JSONNumber.double(value) != nil else { return nil }
            seconds = JSONNumber.int64(value)
        }
        guard let seconds, let day = UnixDay.text(seconds: seconds) else {
            throw OutOfRange(field: field, value: "\(value ?? "")")
        }
        return day
    }
}

/// A record whose field holds a number no canonical column can; the record is left out and named in one line.
struct OutOfRange: Error, CustomStringConvertible {
    /// `amount_due`.
    let field: String
    /// The value as the API sent it (shortened).
    let value: String

    var description: String { "`\(field)` \(value.prefix(40)) is out of range" }
}
