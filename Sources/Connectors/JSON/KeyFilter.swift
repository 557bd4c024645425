import Foundation

/// The keys a list's records keep (`JSONReader.list(_:listKey:recordFields:)`), looked up by their bytes: a key that
/// is not kept is skipped without becoming a `String` and being hashed, and a kept one is the filter's own `String`.
///
/// Measured on a 10k-account Stripe sync: making each key a `String` and hashing it into the set was a twentieth of
/// scorebook's CPU samples, on objects whose keys are mostly not kept.
struct KeyFilter {
    /// The kept keys, for a key that is not plain ASCII (escaped or not), which is made a `String` first.
    let keys: Set<String>
    /// The kept keys by their length in bytes, with their bytes.
    private let byLength: [[(bytes: [UInt8], key: String)]]

    init(_ keys: Set<String>) {
        self.keys = keys
        let longest = keys.map(\.utf8.count).max() ?? 0
        var byLength = Array(repeating: [(bytes: [UInt8], key: String)](), count: longest + 1)
        for key in keys.sorted() { byLength[key.utf8.count].append((Array(key.utf8), key)) }
        self.byLength = byLength
    }

    /// The kept key spelled by `bytes`, or nil when no kept key is spelled so.
    func key(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard bytes.count < byLength.count, let start = bytes.baseAddress else { return nil }
        // memcmp: the generic elementsEqual compared a byte at a time (12% of a 2.5M-record sync's parsing samples).
        for candidate in byLength[bytes.count] {
            let equal = candidate.bytes.withUnsafeBufferPointer { kept in
                kept.baseAddress.map { memcmp($0, start, bytes.count) == 0 } ?? true
            }
            if equal { return candidate.key }
        }
        return nil
    }
}
