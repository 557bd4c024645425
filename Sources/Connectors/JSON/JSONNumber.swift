import Foundation

/// Numbers out of parsed JSON, whichever parser made them (`JSONReader`'s `Int`/`Double`, Foundation's `NSNumber`).
public enum JSONNumber {
    /// The value as a whole number (a fractional one rounded toward zero), or nil when it is not a number.
    public static func int64(_ value: Any?) -> Int64? {
        switch value {
        case let integer as Int: return Int64(integer)
        case let double as Double: return double.isFinite ? Int64(exactly: double.rounded(.towardZero)) : nil
        case is Bool: return nil
        case let number as NSNumber: return number.int64Value
        default: return nil
        }
    }

    /// The value as a floating-point number, or nil when it is not a number.
    public static func double(_ value: Any?) -> Double? {
        switch value {
        case let integer as Int: return Double(integer)
        case let double as Double: return double
        case is Bool: return nil
        case let number as NSNumber: return number.doubleValue
        default: return nil
        }
    }
}
