import ScoreKit

/// Writes JSON into a reusable byte buffer: the fast path for the per-account components of a run.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(1024) }

    /// Empties the buffer, keeping its capacity.
    mutating func reset() { bytes.removeAll(keepingCapacity: true) }

    /// Appends ASCII text as it is (punctuation, keys known to need no escaping).
    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Appends a quoted, escaped string.
    mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        let utf8 = text.utf8
        if !utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            bytes.append(contentsOf: utf8)
            bytes.append(UInt8(ascii: "\""))
            return
        }
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                bytes.append(UInt8(ascii: "\\"))
                bytes.append(byte)
            case 0..<0x20:
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), 48, 48, hex[Int(byte >> 4)], hex[Int(byte & 15)]])
            default:
                bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Appends a number: whole values as integers, others in Swift's shortest exact form; non-finite as null.
    mutating func number(_ value: Double) {
        guard value.isFinite else { return raw("null") }
        if value == value.rounded(), abs(value) < 1e15 {
            integer(Int64(value))
        } else {
            bytes.append(contentsOf: value.description.utf8)
        }
    }

    /// Appends an integer.
    mutating func integer(_ value: Int64) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[count] = UInt8(48 + magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            for index in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[index]) }
        }
    }

    /// Writes components as a JSON array of positional arrays, `[signal, raw, normalised, weight, contribution,
    /// manual]`: how a run stores them (`ScoreRunStore.insertResult`), half the bytes of objects.
    mutating func components(_ components: [Component]) {
        raw("[")
        for (index, component) in components.enumerated() {
            if index > 0 { raw(",") }
            raw("[")
            string(component.signal)
            raw(",")
            if let value = component.raw { number(value) } else { raw("null") }
            raw(",")
            number(component.normalised)
            raw(",")
            number(component.weight)
            raw(",")
            number(component.contribution)
            raw(component.isManual ? ",true]" : ",false]")
        }
        raw("]")
    }

    /// Writes details as a JSON object, in their order.
    mutating func details(_ details: [(name: String, value: DetailValue)]) {
        raw("{")
        for (index, detail) in details.enumerated() {
            if index > 0 { raw(",") }
            string(detail.name)
            raw(":")
            switch detail.value {
            case .integer(let value): integer(Int64(value))
            case .number(let value): number(value)
            case .text(let value): string(value)
            }
        }
        raw("}")
    }
}
