import Testing

@testable import Connectors

@Test(arguments: [
    ("COMPUTER_SOFTWARE", "software"), ("INFORMATION_TECHNOLOGY_AND_SERVICES", "software"),
    ("FINANCIAL_SERVICES", "fintech"), ("HOSPITAL_HEALTH_CARE", "healthcare"), ("RETAIL", "retail"),
    ("MACHINERY", "manufacturing"), ("LOGISTICS_AND_SUPPLY_CHAIN", "logistics"), ("E_LEARNING", "education"),
    ("ONLINE_MEDIA", "media"), ("Technology", "software"), ("Finance", "fintech"), ("Banking", "fintech"),
    ("Healthcare", "healthcare"), ("Transportation", "logistics"), ("Media", "media"),
    ("ARCHITECTURE_PLANNING", "architecture_planning"), ("software", "software"),
])
func vendorIndustriesBecomeScorebooksWords(_ vendor: String, _ word: String) {
    #expect(Vocabulary().industry(vendor) == word)
}

@Test(arguments: [
    ("United States", "US"), ("USA", "US"), ("U.S.A.", "US"), ("united states of america", "US"), ("US", "US"),
    ("United Kingdom", "GB"), ("U.K.", "GB"), ("England", "GB"), ("Germany", "DE"), ("Deutschland", "DE"),
    ("The Netherlands", "NL"), ("CANADA", "CA"), ("Australia ", "AU"), ("Sverige", "SE"), ("Côte d’Ivoire", "CI"),
    ("Cote d'Ivoire", "CI"), ("Czech Republic", "CZ"), ("Czechia", "CZ"), ("South Korea", "KR"), ("Japan", "JP"),
    ("Bosnia & Herzegovina", "BA"), ("fr", "FR"),
])
func countryNamesBecomeAlpha2Codes(_ name: String, _ code: String) {
    #expect(Vocabulary().country(name) == code)
}

@Test func unknownValuesAreKeptAndTheConfigurationsEntriesComeFirst() {
    let standard = Vocabulary()
    #expect(standard.country("Atlantis") == "Atlantis")
    #expect(standard.industry(" ") == nil && standard.country(nil) == nil)
    let configured = Vocabulary(
        industries: ["computer_software": "saas", "MARKETING_AND_ADVERTISING": "martech"],
        countries: ["Atlantis": "gr", "Holland": "BE"])
    #expect(configured.industry("COMPUTER_SOFTWARE") == "saas")
    #expect(configured.industry("Marketing_And_Advertising") == "martech")
    #expect(configured.industry("FINANCIAL_SERVICES") == "fintech")
    #expect(configured.country("ATLANTIS") == "GR")
    #expect(configured.country("holland") == "BE")
    #expect(Vocabulary.isCountryCode("DE") && !Vocabulary.isCountryCode("Germany") && !Vocabulary.isCountryCode("ZZ"))
}
