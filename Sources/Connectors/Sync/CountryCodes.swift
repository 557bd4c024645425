import Foundation

/// Country names as CRMs hold them ("United States", "Deutschland", "U.K.") to ISO 3166-1 alpha-2 codes: every
/// region code's English name from Foundation's locale data, plus the common other spellings in `aliases`.
enum CountryCodes {
    /// Spellings other than the English names Foundation gives (which are "United States", "United Kingdom",
    /// "Czechia", "South Korea", ...), keyed as `key(_:)` writes them.
    static let aliases: [String: String] = [
        "usa": "US", "us": "US", "u s": "US", "u s a": "US", "united states of america": "US", "america": "US",
        "uk": "GB", "u k": "GB", "great britain": "GB", "britain": "GB", "england": "GB", "scotland": "GB",
        "wales": "GB", "northern ireland": "GB", "deutschland": "DE", "holland": "NL", "the netherlands": "NL",
        "czech republic": "CZ", "republic of korea": "KR", "korea": "KR", "russian federation": "RU",
        "viet nam": "VN", "ivory coast": "CI", "uae": "AE", "espana": "ES", "schweiz": "CH", "suisse": "CH",
        "osterreich": "AT", "sverige": "SE", "norge": "NO", "danmark": "DK", "suomi": "FI", "nederland": "NL",
        "republic of ireland": "IE", "macedonia": "MK", "turkey": "TR", "burma": "MM",
    ]

    /// Every English region name (and each code itself) to its code.
    static let names: [String: String] = {
        let english = Locale(identifier: "en_US")
        var table: [String: String] = [:]
        for code in Locale.Region.isoRegions.map(\.identifier) where code.count == 2 && code.allSatisfy(\.isLetter) {
            table[key(code)] = code
            if let name = english.localizedString(forRegionCode: code) { table[key(name)] = code }
        }
        return table.merging(aliases) { _, alias in alias }
    }()

    /// The alpha-2 code of a country name or code; nil when it names none.
    static func code(_ text: String) -> String? { names[key(text)] }

    /// A name folded for lookup: lower case, no diacritics, `&` as `and`, punctuation as spaces, spaces collapsed.
    static func key(_ text: String) -> String {
        let folded = text.folding(
            options: [.caseInsensitive, .diacriticInsensitive], locale: Locale(identifier: "en_US")
        )
        .replacingOccurrences(of: "&", with: " and ")
        let words = folded.split { !$0.isLetter && !$0.isNumber }
        return words.joined(separator: " ")
    }
}
