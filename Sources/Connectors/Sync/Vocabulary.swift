import Foundation

/// How a CRM's industry and country values become Scorebook's: industries through `IndustryWords` (HubSpot's
/// enumeration, Salesforce's picklist) with the source's `industries:` on top, countries to ISO 3166-1 alpha-2 through
/// `CountryCodes` with its `countries:` on top.
///
/// A value no table knows is kept (an industry in lower case, a country as written), so nothing is lost and `accounts`
/// shows what to add to the configuration.
public struct Vocabulary: Sendable {
    /// The configuration's industries, vendor value (any case) to Scorebook word.
    let industries: [String: String]
    /// The configuration's countries, name (any case or spelling) to alpha-2 code.
    let countries: [String: String]

    /// A vocabulary with the configuration's own entries over the standard tables.
    public init(industries: [String: String] = [:], countries: [String: String] = [:]) {
        self.industries = Dictionary(industries.map { ($0.key.lowercased(), $0.value) }) { $1 }
        self.countries = Dictionary(countries.map { (CountryCodes.key($0.key), $0.value.uppercased()) }) { $1 }
    }

    /// Scorebook's word for a vendor's industry value.
    public func industry(_ value: String?) -> String? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        let key = value.lowercased()
        return industries[key] ?? IndustryWords.standard[key] ?? key
    }

    /// The alpha-2 code of a country name or code.
    public func country(_ value: String?) -> String? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        return countries[CountryCodes.key(value)] ?? CountryCodes.code(value) ?? value
    }

    /// Whether a code is an ISO 3166-1 alpha-2 code, for checking the configuration's.
    public static func isCountryCode(_ code: String) -> Bool {
        code.count == 2 && CountryCodes.code(code) == code
    }
}
