/// A module's configuration: its settings, each declared once with `@Setting`, and the checks of values together.
///
/// Decoding, the canonical encoding, the keys a score may give, the checks of each setting and the listing of
/// `scorebook modules` all come from reflecting `Configuration()`; a module writes no `init(from:)`, `CodingKeys`
/// or settings table.
public protocol ModuleConfiguration: Codable, Sendable {
    /// The configuration with every default.
    init()
    /// Checks what no setting's own check can: values together (weights sum, bands with their playbooks); throws
    /// the first problem.
    func validateTogether() throws
    /// The weighted signals, for the shared warnings.
    var signals: [SignalSpec] { get }
}

extension ModuleConfiguration {
    /// Nothing to check together.
    public func validateTogether() throws {}

    /// The settings in declaration order, as reflecting the configuration finds them.
    var declaredSettings: [any AnySetting] {
        Mirror(reflecting: self).children.compactMap { $0.value as? any AnySetting }
    }

    /// Every key the configuration accepts, with its help; any other key is an error.
    public static var settings: [SettingDescription] { Self().declaredSettings.map(\.listing) }

    /// Checks each setting on its own, in declaration order, then the values together; throws the first problem.
    public func validate() throws {
        for setting in declaredSettings {
            if let problem = setting.problem { throw ConfigurationProblem(problem, at: [setting.key]) }
        }
        try validateTogether()
    }

    /// Decodes the configuration from a score's settings: each key given replaces its setting's default, and a key
    /// no setting has is refused, naming the keys allowed.
    public init(settingsFrom decoder: Decoder) throws {
        let template = Self()
        try SettingKey.refuseUnknown(in: decoder, known: template.declaredSettings.map(\.key))
        self = try Self(from: SettingsDecoder(settings: decoder, template: template))
    }

    /// Encodes every setting under its key (a nil default left out), nothing else: the canonical settings a run
    /// stores and its configuration hash is taken of.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: SettingKey.self)
        for setting in declaredSettings {
            try setting.encode(to: &container)
        }
    }
}

/// A configuration read from a score's settings, for decoders that take a type: `YAMLDecoder().decode(_:from:)`.
public struct DecodedSettings<Configuration: ModuleConfiguration>: Decodable {
    /// The configuration.
    public let configuration: Configuration

    /// Decodes the configuration with `init(settingsFrom:)`.
    public init(from decoder: Decoder) throws {
        configuration = try Configuration(settingsFrom: decoder)
    }
}
