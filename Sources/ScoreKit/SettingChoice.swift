/// A setting whose value is one of a few named choices (`min-max` or `percentile`); its help lists them all, the
/// default marked, so no help text repeats them.
public protocol SettingChoice: RawRepresentable, CaseIterable, Codable, Sendable where RawValue == String {
    /// A few words on the choice, shown after it (`1 point per yes`); nil for none.
    var note: String? { get }
}

extension SettingChoice {
    /// No note.
    public var note: String? { nil }

    /// Every choice, this one marked as the default: `min-max (default) or percentile`.
    var choicesText: String {
        spokenList(
            Self.allCases.map { choice in
                let remarks = (choice == self ? ["default"] : []) + (choice.note.map { [$0] } ?? [])
                return remarks.isEmpty ? choice.rawValue : "\(choice.rawValue) (\(remarks.joined(separator: ", ")))"
            })
    }
}

extension Normalisation: SettingChoice {}

/// Items as a sentence lists them: `a`, `a or b`, `a, b or c`.
func spokenList(_ items: [String]) -> String {
    guard let last = items.last, items.count > 1 else { return items.first ?? "" }
    return items.dropLast().joined(separator: ", ") + " or " + last
}
