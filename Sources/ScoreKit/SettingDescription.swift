/// One configuration key a module accepts, with a line of help that says its default; `scorebook modules` lists them.
public struct SettingDescription: Sendable, Equatable {
    /// The key as written in YAML (`window_days`).
    public let key: String
    /// What it does and its default.
    public let help: String

    /// Creates a setting description.
    public init(_ key: String, _ help: String) {
        self.key = key
        self.help = help
    }
}

extension Setting {
    /// The setting as `scorebook modules` lists it: a choice lists its values with the default marked; any other
    /// value ends its help with `(default ...)`, said by the value or by what unset means.
    var listing: SettingDescription {
        if let choice = wrappedValue as? any SettingChoice {
            let choices = choice.choicesText
            return SettingDescription(key, help.isEmpty ? choices : "\(help): \(choices)")
        }
        guard let shown = (wrappedValue as? any DescribableDefault)?.defaultText ?? whenUnset else {
            return SettingDescription(key, help)
        }
        return SettingDescription(key, "\(help) (default \(shown))")
    }
}
