import ScoreKit

extension JSONWriter {
    /// Appends components as an array: of objects under `signal`, `raw`, `normalised`, `weight`, `contribution` and
    /// `manual` when `keyed` (as the output shows them), else of positional arrays of the same values in that order
    /// (as runs store them, `CompactComponents`).
    public mutating func components(_ components: [Component], keyed: Bool) {
        raw("[")
        for (index, component) in components.enumerated() {
            if index > 0 { raw(",") }
            raw(keyed ? "{\"signal\":" : "[")
            string(component.signal)
            raw(keyed ? ",\"raw\":" : ",")
            number(component.raw)
            raw(keyed ? ",\"normalised\":" : ",")
            number(component.normalised)
            raw(keyed ? ",\"weight\":" : ",")
            number(component.weight)
            raw(keyed ? ",\"contribution\":" : ",")
            number(component.contribution)
            raw(keyed ? ",\"manual\":" : ",")
            bool(component.isManual)
            raw(keyed ? "}" : "]")
        }
        raw("]")
    }
}

extension JSONWriter {
    /// Appends what a run's results share of their components: `[[signal, weight, manual], ...]`.
    mutating func componentTemplate(_ components: [Component]) {
        raw("[")
        for (index, component) in components.enumerated() {
            if index > 0 { raw(",") }
            raw("[")
            string(component.signal)
            raw(",")
            number(component.weight)
            raw(",")
            bool(component.isManual)
            raw("]")
        }
        raw("]")
    }

    /// Appends one result's own numbers, `[raw, normalised, contribution, ...]` in its components' order (layout 2),
    /// or without the contributions (layout 3).
    mutating func componentValues(_ components: [Component], contributions: Bool) {
        raw("[")
        for (index, component) in components.enumerated() {
            if index > 0 { raw(",") }
            number(component.raw)
            raw(",")
            number(component.normalised)
            if contributions {
                raw(",")
                number(component.contribution)
            }
        }
        raw("]")
    }
}
