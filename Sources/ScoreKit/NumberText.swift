/// Numbers as people write them in settings and messages.
public enum NumberText {
    /// A whole number without a decimal point (`60`, not `60.0`); any other number as Swift writes it (`33.3`).
    public static func plain(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
