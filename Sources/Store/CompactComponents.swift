import ScoreKit

/// A run's components as stored: written in the positional layout (`JSONWriter.components(_:keyed:)`), read back
/// from it or from the objects stored before it (`CompactComponentsSchema`).
///
/// Layout 3 is `[raw, normalised, ...]`, against the run's template as layout 2, for a result whose every contribution
/// is its normalised value x weight / 100 to the last bit: read back, each is computed again, the same way.
/// Layout 2 is `[raw, normalised, contribution, ...]`, each component's own numbers in the order of the run's template
/// (`score_runs.component_template`, `[[signal, weight, manual], ...]`, `ComponentTemplateSchema`); layout 1 is
/// `[[signal, raw, normalised, weight, contribution, manual], ...]`, for a result whose signals or weights are not the
/// template's; layout 0 is an array of objects under the keys `signal`, `raw`, `normalised`, `weight`, `contribution`
/// and `manual`, in any order.
enum CompactComponents {
    /// The layout of a result stored against its run's template, its contributions left to follow from the rest.
    static let derived: Int64 = 3
    /// The layout of a result stored against its run's template.
    static let templated: Int64 = 2
    /// The layout of a result that names its own signals and weights.
    static let positional: Int64 = 1

    /// Whether a result's components have the template's signals, weights and manual flags, in its order.
    static func matches(_ components: [Component], _ template: [Component]) -> Bool {
        guard components.count == template.count else { return false }
        for (component, shared) in zip(components, template) {
            guard component.weight == shared.weight, component.isManual == shared.isManual,
                component.signal == shared.signal
            else { return false }
        }
        return true
    }

    /// Whether every contribution is what `Component(signal:raw:normalised:weight:isManual:)` computes, so that a
    /// result can be stored without them (layout 3).
    static func contributionsFollow(_ components: [Component]) -> Bool {
        components.allSatisfy { $0.contribution == $0.normalised * $0.weight / 100 }
    }

    /// The template in `text`: components with a signal, weight and manual flag (their numbers 0); nil when the text
    /// is not a template.
    static func template(_ text: String) -> [Component]? {
        var text = text
        return text.withUTF8 { bytes in
            var reader = JSONReader(bytes)
            return list(&reader) { reader in
                guard reader.take(UInt8(ascii: "[")), let signal = reader.string(), reader.take(UInt8(ascii: ",")),
                    let weight = reader.number()?.double, reader.take(UInt8(ascii: ",")), let manual = reader.bool(),
                    reader.take(UInt8(ascii: "]"))
                else { return nil }
                return Component(
                    signal: signal, raw: nil, normalised: 0, weight: weight, contribution: 0, isManual: manual)
            }
        }
    }

    /// The components in `text`, stored in `layout` (against `template` in layout 2); nil when the text is not in
    /// that layout.
    static func read(_ text: String, layout: Int64, template: [Component] = []) -> [Component]? {
        var text = text
        return text.withUTF8 { bytes in
            var reader = JSONReader(bytes)
            guard layout == templated || layout == derived else {
                return list(&reader) { layout == 0 ? object(&$0) : positional(&$0) }
            }
            var components: [Component] = []
            components.reserveCapacity(template.count)
            guard reader.take(UInt8(ascii: "[")) else { return nil }
            for (index, shared) in template.enumerated() {
                guard index == 0 || reader.take(UInt8(ascii: ",")) else { return nil }
                let raw = reader.null() ? nil : reader.number()?.double
                guard reader.take(UInt8(ascii: ",")), let normalised = reader.number()?.double else { return nil }
                guard layout == templated else {
                    components.append(
                        Component(
                            signal: shared.signal, raw: raw, normalised: normalised, weight: shared.weight,
                            isManual: shared.isManual))
                    continue
                }
                guard reader.take(UInt8(ascii: ",")), let contribution = reader.number()?.double else { return nil }
                components.append(
                    Component(
                        signal: shared.signal, raw: raw, normalised: normalised, weight: shared.weight,
                        contribution: contribution, isManual: shared.isManual))
            }
            return reader.take(UInt8(ascii: "]")) && reader.isAtEnd ? components : nil
        }
    }

    /// A JSON array read element by element; nil when an element or the array is not well formed.
    private static func list(
        _ reader: inout JSONReader, _ element: (inout JSONReader) -> Component?
    ) -> [Component]? {
        var components: [Component] = []
        guard reader.take(UInt8(ascii: "[")) else { return nil }
        while !reader.take(UInt8(ascii: "]")) {
            if !components.isEmpty && !reader.take(UInt8(ascii: ",")) { return nil }
            guard let component = element(&reader) else { return nil }
            components.append(component)
        }
        return reader.isAtEnd ? components : nil
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
