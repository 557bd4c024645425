/// The decoder a configuration's synthesized `init(from:)` reads through: it answers each `@Setting` property with
/// the default setting, or the value the score gives under the setting's YAML key; any other stored property keeps
/// the value `Configuration()` gives it (a trained model, which the host sets).
///
/// swift-argument-parser decodes a command's `@Option`s the same way, from a decoder of its own.
struct SettingsDecoder: Decoder {
    /// The score's settings as the host's decoder reads them.
    let settings: Decoder
    /// `Configuration()`'s stored properties by coding key (a property's name, without a wrapper's underscore).
    let template: [String: Any]

    /// Creates a decoder over a score's settings for the configuration `template` (`Configuration()`).
    init(settings: Decoder, template: some ModuleConfiguration) {
        self.settings = settings
        var properties: [String: Any] = [:]
        for child in Mirror(reflecting: template).children {
            guard let label = child.label else { continue }
            properties[label.hasPrefix("_") ? String(label.dropFirst()) : label] = child.value
        }
        self.template = properties
    }

    var codingPath: [CodingKey] { settings.codingPath }
    var userInfo: [CodingUserInfoKey: Any] { settings.userInfo }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(
            Container<Key>(settings: try settings.container(keyedBy: SettingKey.self), template: template))
    }

    func unkeyedContainer() throws -> UnkeyedDecodingContainer { throw unsupported("a list") }

    func singleValueContainer() throws -> SingleValueDecodingContainer { throw unsupported("a single value") }

    private func unsupported(_ what: String) -> DecodingError {
        DecodingError.typeMismatch(
            Any.self,
            DecodingError.Context(codingPath: codingPath, debugDescription: "a configuration is a mapping, not \(what)")
        )
    }

    /// The keyed container of the configuration: property names in, settings out.
    struct Container<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let settings: KeyedDecodingContainer<SettingKey>
        let template: [String: Any]

        var codingPath: [CodingKey] { settings.codingPath }
        var allKeys: [Key] { template.keys.compactMap { Key(stringValue: $0) } }

        func contains(_ key: Key) -> Bool { template[key.stringValue] != nil }

        func decodeNil(forKey key: Key) throws -> Bool {
            guard let value = template[key.stringValue], !(value is any AnySetting) else { return false }
            return isNil(value)
        }

        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            let value = template[key.stringValue]
            if let setting = value as? any AnySetting, let decoded = try setting.decoded(from: settings) as? T {
                return decoded
            }
            if let kept = value as? T { return kept }
            throw DecodingError.keyNotFound(
                key,
                DecodingError.Context(codingPath: codingPath, debugDescription: "no such property in Configuration()"))
        }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
            -> KeyedDecodingContainer<NestedKey>
        {
            throw unsupported(key)
        }

        func nestedUnkeyedContainer(forKey key: Key) throws -> UnkeyedDecodingContainer { throw unsupported(key) }

        func superDecoder() throws -> Decoder { throw unsupported(nil) }

        func superDecoder(forKey key: Key) throws -> Decoder { throw unsupported(key) }

        private func unsupported(_ key: Key?) -> DecodingError {
            DecodingError.dataCorrupted(
                DecodingError.Context(
                    codingPath: codingPath + (key.map { [$0] } ?? []),
                    debugDescription: "a configuration decodes its stored properties only"))
        }
    }
}
