/// A value that can say itself as a setting's default in help text: `365`, `lighthouse, testimonial`.
public protocol DescribableDefault {
    /// The value as the help says it.
    var defaultText: String { get }
}

extension Int: DescribableDefault {
    /// The number.
    public var defaultText: String { String(self) }
}

extension Double: DescribableDefault {
    /// The number as people write it: `6`, not `6.0`.
    public var defaultText: String { NumberText.plain(self) }
}

extension String: DescribableDefault {
    /// The text.
    public var defaultText: String { self }
}

extension Array: DescribableDefault where Element: DescribableDefault {
    /// The items separated by commas; `none` for no items.
    public var defaultText: String { isEmpty ? "none" : map(\.defaultText).joined(separator: ", ") }
}

extension Dictionary: DescribableDefault where Key == String, Value == Double {
    /// Each name with its number, largest first (`High 1000, Medium 100, Low 0`); `none` for no entries.
    public var defaultText: String {
        guard !isEmpty else { return "none" }
        return sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { "\($0.key) \(NumberText.plain($0.value))" }
            .joined(separator: ", ")
    }
}
