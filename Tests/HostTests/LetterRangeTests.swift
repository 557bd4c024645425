import Foundation
import Testing
import ValueScore

/// A segment rule reads back as it writes itself: a single score is written `"5"`, and read as the range 5-5.
@Test func aSegmentRuleReadsBackItsOwnEncoding() throws {
    let rule = SegmentRule("Champion", r: 4...5, f: 5...5)
    let written = try JSONEncoder().encode(rule)
    #expect(String(decoding: written, as: UTF8.self).contains(#""f":"5""#))
    #expect(try JSONDecoder().decode(SegmentRule.self, from: written) == rule)
}
