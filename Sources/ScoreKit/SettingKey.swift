/// A coding key for any string: a setting's YAML key, or any key of a nested mapping a module reads.
public struct SettingKey: CodingKey, Sendable {
    public let stringValue: String
    public var intValue: Int? { nil }

    /// Creates a key.
    public init(_ string: String) { stringValue = string }
    public init?(stringValue: String) { self.stringValue = stringValue }
    public init?(intValue: Int) { nil }

    /// Throws for the first key of the decoder's mapping that is not in `known`, naming where it is and the keys
    /// allowed: `unknown key "industy" in icp.brand_icp (known: industries, employees, countries, weights, grades)`.
    public static func refuseUnknown(in decoder: Decoder, known: [String]) throws {
        let path = decoder.codingPath.map(\.stringValue)
        let place = path.isEmpty ? "" : " in \(path.joined(separator: "."))"
        for key in try decoder.container(keyedBy: SettingKey.self).allKeys where !known.contains(key.stringValue) {
            throw ConfigurationProblem(
                "unknown key \"\(key.stringValue)\"\(place) (known: \(known.joined(separator: ", ")))",
                at: path + [key.stringValue])
        }
    }
}
