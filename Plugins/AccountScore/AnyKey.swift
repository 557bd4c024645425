import ScoreKit

/// A coding key for any string, so nested settings can list the keys they were given and refuse unknown ones.
struct AnyKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }

    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }

    /// Throws for the first key of the decoder's mapping that is not in `known`, naming where it is.
    static func refuseUnknown(in decoder: Decoder, known: [String]) throws {
        let path = decoder.codingPath.map(\.stringValue)
        for key in try decoder.container(keyedBy: AnyKey.self).allKeys where !known.contains(key.stringValue) {
            throw ConfigurationProblem(
                "unknown key \"\(key.stringValue)\" in \(path.joined(separator: ".")) "
                    + "(known: \(known.joined(separator: ", ")))", at: path + [key.stringValue])
        }
    }
}
