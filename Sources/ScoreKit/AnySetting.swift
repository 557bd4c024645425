/// A setting of any value type, as reflecting a configuration finds it: what decoding, encoding, checking and the
/// listing need without knowing the value's type.
protocol AnySetting {
    /// The key as written in YAML.
    var key: String { get }
    /// The setting as `scorebook modules` lists it.
    var listing: SettingDescription { get }
    /// What is wrong with the value in force on its own; nil when nothing is.
    var problem: String? { get }
    /// This setting with the value a score gives for its key, or unchanged when the score gives none.
    func decoded(from container: KeyedDecodingContainer<SettingKey>) throws -> any AnySetting
    /// Writes the value under its key; nil is left out when it is the default, else written as null.
    func encode(to container: inout KeyedEncodingContainer<SettingKey>) throws
}

extension Setting: AnySetting {
    var problem: String? { check?.problem(wrappedValue) }

    func decoded(from container: KeyedDecodingContainer<SettingKey>) throws -> any AnySetting {
        let codingKey = SettingKey(key)
        guard container.contains(codingKey) else { return self }
        var decoded = self
        if try container.decodeNil(forKey: codingKey) {
            // `key: null` unsets an optional setting; a setting that cannot be unset keeps its default, as an empty
            // value always has.
            guard let unset = Optional<Any>.none as Any as? Value, isNil(unset) else { return self }
            decoded.wrappedValue = unset
            return decoded
        }
        decoded.wrappedValue = try container.decode(Value.self, forKey: codingKey)
        return decoded
    }

    func encode(to container: inout KeyedEncodingContainer<SettingKey>) throws {
        guard !isNil(wrappedValue) else {
            if !isUnsetByDefault { try container.encodeNil(forKey: SettingKey(key)) }
            return
        }
        try container.encode(wrappedValue, forKey: SettingKey(key))
    }
}
