/// How large an imported field and record may be.
///
/// A CSV cell or JSON line past them is refused in one line (no real export holds a 1 MiB name); without them a runaway
/// quote or `/dev/zero` would grow memory until the machine gives.
public enum ImportLimits {
    /// The largest field: 1 MiB.
    public static let fieldBytes = 1 << 20
    /// The largest record (a CSV row, a JSON line): 8 MiB.
    public static let recordBytes = 8 << 20
}
