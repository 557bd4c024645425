/// A stable 64-bit FNV-1a fingerprint of a text's UTF-8: the same on every machine and build, enough to tell
/// configurations, data sets and lock names apart.
public enum Fingerprint {
    /// The fingerprint as a number.
    public static func value(of text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// The fingerprint as 16 hex digits.
    public static func hex(of text: String) -> String {
        let digits = String(value(of: text), radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
