import Foundation

/// A map from strings to strings held as bytes in one buffer, for millions of short ids (a payment's key to its
/// invoice's id): with Stripe's 27-character ids, about 80-90 bytes a link with the index, where a `[String: String]`
/// took about 190.
///
/// Lookups hash the key with the standard library's per-process seeded `Hasher`, so keys a server chose cannot be
/// made to collide on purpose, and compare its bytes, so a lookup is exact (and, unlike a `Dictionary`'s, tells
/// canonically equivalent spellings apart, as ids should be). Setting a key to the value it has changes nothing;
/// setting it to another appends both again, the old bytes staying in the buffer (a listing names each key once).
struct CompactStringMap {
    /// One key and value, by where their bytes start in `bytes` and their lengths (the value follows the key).
    private struct Entry {
        var start: Int
        var keyLength: Int32
        var valueLength: Int32
    }

    private var bytes: [UInt8] = []
    private var entries: [Entry] = []
    /// Open addressing: each slot is an index into `entries`, or -1; never more than half full.
    private var slots = [Int32](repeating: -1, count: 16)

    /// How many keys have a value.
    var count: Int { entries.count }

    /// The value of `key`, or nil when it has none.
    func value(of key: String) -> String? {
        var key = key
        return key.withUTF8 { keyBytes in
            guard let index = slot(of: keyBytes).entry else { return nil }
            let entry = entries[index]
            let start = entry.start + Int(entry.keyLength)
            let end = start + Int(entry.valueLength)
            return bytes.withUnsafeBufferPointer {
                String(decoding: UnsafeBufferPointer(rebasing: $0[start..<end]), as: UTF8.self)
            }
        }
    }

    /// Makes `value` the value of `key`; false (and nothing kept) when either is longer than 2 GiB.
    @discardableResult
    mutating func set(_ key: String, _ value: String) -> Bool {
        var key = key
        guard key.utf8.count <= Int(Int32.max), value.utf8.count <= Int(Int32.max) else { return false }
        if (entries.count + 1) * 2 > slots.count { grow() }
        let found = key.withUTF8 { slot(of: $0) }
        if found.entry != nil, self.value(of: key) == value { return true }
        let entry = Entry(start: bytes.count, keyLength: Int32(key.utf8.count), valueLength: Int32(value.utf8.count))
        bytes.append(contentsOf: key.utf8)
        bytes.append(contentsOf: value.utf8)
        if let index = found.entry {
            entries[index] = entry
        } else {
            slots[found.slot] = Int32(entries.count)
            entries.append(entry)
        }
        return true
    }

    /// The slot holding `key`'s entry, or the empty slot where it would go.
    private func slot(of key: UnsafeBufferPointer<UInt8>) -> (slot: Int, entry: Int?) {
        let mask = slots.count - 1
        var slot = Self.hash(key) & mask
        while true {
            let index = Int(slots[slot])
            if index < 0 { return (slot, nil) }
            if matches(entries[index], key) { return (slot, index) }
            slot = (slot + 1) & mask
        }
    }

    private func matches(_ entry: Entry, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        guard Int(entry.keyLength) == key.count else { return false }
        guard let keyStart = key.baseAddress, key.count > 0 else { return true }  // two empty keys
        // memcmp: the generic elementsEqual compared a byte at a time.
        return bytes.withUnsafeBufferPointer { stored in
            guard let storedStart = stored.baseAddress else { return false }
            return memcmp(storedStart + entry.start, keyStart, key.count) == 0
        }
    }

    /// Doubles the slots and places every entry again.
    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (index, entry) in entries.enumerated() {
            let end = entry.start + Int(entry.keyLength)
            var slot = bytes.withUnsafeBufferPointer { Self.hash(UnsafeBufferPointer(rebasing: $0[entry.start..<end])) }
            slot &= mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index)
        }
    }

    private static func hash(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        var hasher = Hasher()
        hasher.combine(bytes: UnsafeRawBufferPointer(key))
        return hasher.finalize()
    }
}
