/// The vendors' industry vocabularies to Scorebook's own words (`software`, `fintech`, `healthcare`, `retail`,
/// `manufacturing`, `logistics`, `education`, `media`: those the generator, the starter ICPs and `where:` filters use).
///
/// HubSpot's `industry` is an enumeration of LinkedIn's industries (`COMPUTER_SOFTWARE`, ...); Salesforce's Account
/// `Industry` is a picklist (`Technology`, `Finance`, ...). Values not listed stay as they are, in lower case.
enum IndustryWords {
    /// Scorebook's word for each vendor value, keyed in lower case.
    static let standard: [String: String] = {
        var table: [String: String] = [:]
        for (word, values) in [
            (
                "software",
                [
                    "computer_software", "information_technology_and_services", "internet", "computer_networking",
                    "computer_hardware", "computer_network_security", "technology",
                ]
            ),
            (
                "fintech",
                [
                    "financial_services", "banking", "insurance", "investment_banking", "investment_management",
                    "capital_markets", "accounting", "finance",
                ]
            ),
            (
                "healthcare",
                [
                    "hospital_health_care", "medical_devices", "medical_practice", "health_wellness_and_fitness",
                    "pharmaceuticals", "biotechnology", "mental_health_care", "healthcare",
                ]
            ),
            (
                "retail",
                ["retail", "consumer_goods", "apparel_fashion", "supermarkets", "consumer_electronics", "apparel"]
            ),
            (
                "manufacturing",
                [
                    "machinery", "mechanical_or_industrial_engineering", "industrial_automation", "automotive",
                    "electrical_electronic_manufacturing", "chemicals", "manufacturing", "electronics",
                ]
            ),
            (
                "logistics",
                [
                    "logistics_and_supply_chain", "transportation_trucking_railroad", "package_freight_delivery",
                    "warehousing", "maritime", "airlines_aviation", "transportation", "shipping",
                ]
            ),
            (
                "education",
                [
                    "education_management", "higher_education", "e_learning", "primary_secondary_education",
                    "education",
                ]
            ),
            (
                "media",
                [
                    "online_media", "broadcast_media", "media_production", "publishing", "entertainment", "newspapers",
                    "media", "telecommunications", "communications",
                ]
            ),
        ] {
            for value in values { table[value] = word }
        }
        return table
    }()
}
