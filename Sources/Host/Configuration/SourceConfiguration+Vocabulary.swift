import Connectors
import Yams

extension SourceConfiguration {
    /// A CRM source's `industries:` (vendor value to Scorebook word) and `countries:` (name to ISO 3166-1 alpha-2
    /// code), each a mapping of strings; billing sources carry neither.
    static func vocabulary(
        _ settings: Node.Mapping, kind: SourceSettings.Kind, fail: (String, Node?) -> ConfigError
    ) throws -> Vocabulary {
        func table(_ key: String, check: (String) -> Bool, expected: String) throws -> [String: String] {
            guard let node = settings[key] else { return [:] }
            guard !kind.isBilling else { throw fail("\(key) is for CRM sources (hubspot, salesforce)", node) }
            guard let mapping = node.mapping else { throw fail("\(key) must map values to \(expected)", node) }
            var entries: [String: String] = [:]
            for (from, to) in mapping {
                guard let source = from.string, let target = to.string, check(target) else {
                    throw fail("\(key): \"\(from.string ?? "")\" must map to \(expected)", to)
                }
                entries[source] = target
            }
            return entries
        }
        return Vocabulary(
            industries: try table("industries", check: { !$0.isEmpty }, expected: "a word"),
            countries: try table(
                "countries", check: { Vocabulary.isCountryCode($0) }, expected: "an ISO 3166-1 alpha-2 code (US, GB)"))
    }
}
