import ScoreKit

/// A run's components as stored: written in the positional layout (`JSONWriter.components(_:keyed:)`), read back
/// from it or from the objects stored before it (`CompactComponentsSchema`).
///
/// Layout 1 is `[[signal, raw, normalised, weight, contribution, manual], ...]`; layout 0 is an array of objects under
/// the keys `signal`, `raw`, `normalised`, `weight`, `contribution` and `manual`, in any order.
enum CompactComponents {
    /// The layout runs store now.
    static let layout: Int64 = 1

    /// The components in `text`, stored in `layout`; nil when the text is not in that layout.
    static func read(_ text: String, layout: Int64) -> [Component]? {
        var text = text
        return text.withUTF8 { bytes in
            var reader = JSONReader(bytes)
            var components: [Component] = []
            guard reader.take(UInt8(ascii: "[")) else { return nil }
            while !reader.take(UInt8(ascii: "]")) {
                if !components.isEmpty && !reader.take(UInt8(ascii: ",")) { return nil }
                let component = layout == 0 ? object(&reader) : positional(&reader)
                guard let component else { return nil }
                components.append(component)
            }
            return reader.isAtEnd ? components : nil
        }
    }

    private static func positional(_ reader: inout JSONReader) -> Component? {
        guard reader.take(UInt8(ascii: "[")), let signal = reader.string(), reader.take(UInt8(ascii: ",")) else {
            return nil
        }
        let raw = reader.null() ? nil : reader.number()?.double
        var numbers: [Double] = []
        for _ in 0..<3 {
            guard reader.take(UInt8(ascii: ",")), let number = reader.number() else { return nil }
            numbers.append(number.double)
        }
        guard reader.take(UInt8(ascii: ",")), let manual = reader.bool(), reader.take(UInt8(ascii: "]")) else {
            return nil
        }
        return Component(
            signal: signal, raw: raw, normalised: numbers[0], weight: numbers[1], contribution: numbers[2],
            isManual: manual)
    }

    private static func object(_ reader: inout JSONReader) -> Component? {
        guard reader.take(UInt8(ascii: "{")) else { return nil }
        var signal: String?
        var raw: Double?
        var numbers: [String: Double] = [:]
        var manual = false
        var first = true
        while !reader.take(UInt8(ascii: "}")) {
            guard first || reader.take(UInt8(ascii: ",")), let key = reader.string(), reader.take(UInt8(ascii: ":"))
            else { return nil }
            first = false
            switch key {
            case "signal": signal = reader.string()
            case "raw" where reader.null(): raw = nil
            case "raw": raw = reader.number()?.double
            case "manual": manual = reader.bool() ?? false
            default: numbers[key] = reader.number()?.double
            }
        }
        guard let signal, let normalised = numbers["normalised"], let weight = numbers["weight"],
            let contribution = numbers["contribution"]
        else { return nil }
        return Component(
            signal: signal, raw: raw, normalised: normalised, weight: weight, contribution: contribution,
            isManual: manual)
    }
}
