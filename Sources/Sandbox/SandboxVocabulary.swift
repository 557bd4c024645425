/// The vocabularies the real APIs hold, for the generator's industries and countries: HubSpot's `industry`
/// enumeration (https://knowledge.hubspot.com/properties/hubspots-default-company-properties), Salesforce's Account
/// `Industry` picklist, and countries as people type them in both (free text: "United States", sometimes "USA").
enum SandboxVocabulary {
    /// HubSpot's enumeration value for each of the generator's industries.
    static let hubSpotIndustries = [
        "software": "COMPUTER_SOFTWARE", "fintech": "FINANCIAL_SERVICES", "healthcare": "HOSPITAL_HEALTH_CARE",
        "retail": "RETAIL", "manufacturing": "MACHINERY", "logistics": "LOGISTICS_AND_SUPPLY_CHAIN",
        "education": "E_LEARNING", "media": "ONLINE_MEDIA",
    ]

    /// Salesforce's standard picklist value for each.
    static let salesforceIndustries = [
        "software": "Technology", "fintech": "Finance", "healthcare": "Healthcare", "retail": "Retail",
        "manufacturing": "Manufacturing", "logistics": "Transportation", "education": "Education", "media": "Media",
    ]

    /// Each generated country's name, and another spelling a CRM also holds.
    static let countries: [String: (name: String, other: String)] = [
        "US": ("United States", "USA"), "GB": ("United Kingdom", "U.K."), "DE": ("Germany", "Deutschland"),
        "FR": ("France", "france"), "NL": ("Netherlands", "The Netherlands"), "CA": ("Canada", "CANADA"),
        "AU": ("Australia", "Australia "), "SE": ("Sweden", "Sverige"),
    ]

    /// A generated account's country as a CRM holds it: its name, every seventh account another spelling.
    static func country(_ code: String, index: Int) -> String {
        guard let spellings = countries[code] else { return code }
        return index % 7 == 3 ? spellings.other : spellings.name
    }
}
