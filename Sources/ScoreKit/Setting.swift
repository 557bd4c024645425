/// One setting of a module's configuration, declared once: its YAML key, its default (the property's initial value),
/// a line of help and an optional check.
///
/// ```swift
/// @Setting("window_days", help: "days of invoices for the payment signals", check: .positiveDays)
/// public var windowDays = 365
/// ```
///
/// ScoreKit finds the settings by reflecting `Configuration()`, as swift-argument-parser finds `@Option`s, and derives
/// from them the keys a score may give, decoding, the canonical encoding a run's hash is taken of, the checks
/// `validate()` runs and the lines `scorebook modules` prints. The help says the default by itself: the value's
/// own text (`365`, `min-max (default) or percentile`), or for a setting whose default is unset what unset means.
@propertyWrapper
public struct Setting<Value: Codable & Sendable>: Sendable {
    /// The value in force.
    public var wrappedValue: Value
    /// The key as written in YAML (`window_days`).
    public let key: String
    /// What the setting does, without its default.
    let help: String
    /// What an unset value means, for the help (`quintiles`); nil when the value says it or nothing needs saying.
    let whenUnset: String?
    /// The check of the value on its own.
    let check: SettingCheck<Value>?
    /// True when the default is nil, so nil is left out of the encoding; otherwise nil is written as null.
    let isUnsetByDefault: Bool

    /// Declares a setting whose default is the property's initial value.
    public init(
        wrappedValue: Value, _ key: String, help: String, whenUnset: String? = nil, check: SettingCheck<Value>? = nil
    ) {
        self.wrappedValue = wrappedValue
        self.key = key
        self.help = help
        self.whenUnset = whenUnset
        self.check = check
        self.isUnsetByDefault = isNil(wrappedValue)
    }

    /// Refuses to decode on its own: a configuration's settings are decoded with `init(settingsFrom:)`, which knows
    /// each setting's key and default.
    public init(from decoder: Decoder) throws {
        throw DecodingError.dataCorrupted(
            DecodingError.Context(
                codingPath: decoder.codingPath,
                debugDescription: "decode a module configuration with init(settingsFrom:), not directly"))
    }

    /// Encodes the value alone; a configuration encodes its settings by key (`ModuleConfiguration.encode(to:)`).
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(wrappedValue)
    }
}

extension Setting: Codable {}

extension Setting: Equatable where Value: Equatable {
    /// Settings are equal when their values are: key, help and check are the declaration's.
    public static func == (lhs: Setting, rhs: Setting) -> Bool { lhs.wrappedValue == rhs.wrappedValue }
}

/// True when a value is an optional holding nothing.
func isNil(_ value: Any) -> Bool {
    let mirror = Mirror(reflecting: value)
    return mirror.displayStyle == .optional && mirror.children.isEmpty
}
