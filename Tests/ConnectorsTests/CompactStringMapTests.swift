import Testing

@testable import Connectors

@Test func aCompactStringMapAgreesWithADictionaryThroughGrowthAndReplacement() {
    var map = CompactStringMap()
    var oracle: [String: String] = [:]
    // Keys that share long prefixes, differ by one byte or by length, are not ASCII, or are empty; each key comes
    // back several times with another value.
    let stems = ["pi_acc_00", "ch_", "", "pi_acc_00é", "😀", "pi_acc_000"]
    for number in 0..<20_000 {
        let key = number % 997 == 0 ? "" : stems[number % stems.count] + String(number * 7_919 % 5_000)
        let value = number % 7 == 0 ? "" : "in_\(number)"
        let stored = map.set(key, value)
        #expect(stored)
        oracle[key] = value
    }
    #expect(map.count == oracle.count)
    for (key, value) in oracle { #expect(map.value(of: key) == value) }
    for absent in ["pi_acc_00", "pi_acc_00é", "pi_acc_0000000000", "x", "ch_5000"] where oracle[absent] == nil {
        #expect(map.value(of: absent) == nil)
    }
}

@Test func aCompactStringMapKeepsTheLastValueSetForAKey() {
    var map = CompactStringMap()
    map.set("pi_1", "in_1")
    map.set("pi_2", "in_2")
    map.set("pi_1", "in_3")
    map.set("pi_2", "in_2")  // the same value again
    map.set("", "")
    #expect(map.count == 3)
    #expect(map.value(of: "") == "")
    #expect(map.value(of: "pi_1") == "in_3")
    #expect(map.value(of: "pi_2") == "in_2")
    #expect(map.value(of: "pi_3") == nil)
}
