import Foundation
import ScoreKit

/// The details that every result of a run ends with, stored once on the run (`score_runs.shared_details`) instead of on
/// each result: a fitted model's parameters, for one, which a clv run on M repeated on each of its 92k results (45 of
/// the 53 MB of its details).
///
/// A result stores only the details before them and is read back as those followed by the shared ones, so its details
/// come back whole and in the module's order.
public enum SharedDetails {
    /// The longest run of details, the same by name and value byte for byte, that every result ends with; empty when
    /// there is none.
    public static func suffix(of results: [ScoredAccount]) -> [(name: String, value: DetailValue)] {
        guard let first = results.first?.details else { return [] }
        var count = first.count
        for result in results.dropFirst() where count > 0 {
            count = commonSuffixCount(first, result.details, atMost: count)
        }
        return Array(first.suffix(count))
    }

    /// How many of `details`' leading members come before the shared ones; nil when `details` does not end with them.
    static func ownCount(
        of details: [(name: String, value: DetailValue)], shared: [(name: String, value: DetailValue)]
    ) -> Int? {
        guard details.count >= shared.count,
            commonSuffixCount(details, shared, atMost: shared.count) == shared.count
        else { return nil }
        return details.count - shared.count
    }

    /// Whether two values are stored as the same bytes: text compared byte for byte (Swift's `==` takes canonically
    /// equivalent strings as equal, which are stored differently), numbers bit for bit.
    private static func same(_ lhs: DetailValue, _ rhs: DetailValue) -> Bool {
        switch (lhs, rhs) {
        case (.integer(let left), .integer(let right)): left == right
        case (.number(let left), .number(let right)): left.bitPattern == right.bitPattern
        case (.text(let left), .text(let right)): sameBytes(left, right)
        default: false
        }
    }

    /// Whether two strings are the same UTF-8 bytes, by one `memcmp`, or none when they share their storage.
    ///
    /// A module's shared details are mostly the very same string on every result; iterating both `utf8` views was 6%
    /// of a clv run on M.
    private static func sameBytes(_ lhs: String, _ rhs: String) -> Bool {
        guard lhs.utf8.count == rhs.utf8.count else { return false }
        let compared = lhs.utf8.withContiguousStorageIfAvailable { left in
            rhs.utf8.withContiguousStorageIfAvailable { right -> Bool in
                guard let leftBytes = left.baseAddress, let rightBytes = right.baseAddress else { return left.isEmpty }
                return leftBytes == rightBytes || memcmp(leftBytes, rightBytes, left.count) == 0
            }
        }
        return (compared ?? nil) ?? lhs.utf8.elementsEqual(rhs.utf8)
    }

    private static func commonSuffixCount(
        _ lhs: [(name: String, value: DetailValue)], _ rhs: [(name: String, value: DetailValue)], atMost limit: Int
    ) -> Int {
        var count = 0
        while count < limit, count < lhs.count, count < rhs.count {
            let left = lhs[lhs.count - 1 - count]
            let right = rhs[rhs.count - 1 - count]
            guard sameBytes(left.name, right.name), same(left.value, right.value) else { break }
            count += 1
        }
        return count
    }
}
