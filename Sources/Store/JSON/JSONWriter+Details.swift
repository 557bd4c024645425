import ScoreKit

extension JSONWriter {
    /// Appends a result's details as one object, its members in the details' order.
    public mutating func details(_ details: [(name: String, value: DetailValue)]) {
        self.details(details[...])
    }

    /// Appends some of a result's details as one object, its members in the details' order.
    public mutating func details(_ details: ArraySlice<(name: String, value: DetailValue)>) {
        raw("{")
        for (index, detail) in zip(details.indices, details) {
            if index > details.startIndex { raw(",") }
            member(detail.name)
            value(detail.value)
        }
        raw("}")
    }

    /// Appends a detail's value: a number or a string.
    public mutating func value(_ value: DetailValue) {
        switch value {
        case .integer(let value): integer(Int64(value))
        case .number(let value): number(value)
        case .text(let value): string(value)
        }
    }

    /// Appends an object member's key and its colon; the caller writes the value and any comma between members.
    public mutating func member(_ key: String) {
        string(key)
        raw(":")
    }
}
