import ScoreKit

extension AccountScore {
    /// Default groups on three accounts, a configured multi-tier model with its own revenue ICP, and the two default
    /// journeys on three more.
    public static var examples: [WorkedExample<AccountScore>] {
        [defaults, customProfile, expansionJourney, attritionJourney]
    }

    private static let industries = ["software", "fintech", "healthcare", "education", "media", "retail"]
    private static let countries = ["us", "gb", "de", "nl"]

    /// One account's facts: its attributes as the flags the host gives, decayed activity and peak active users.
    private static func row(
        _ id: String, industry: String, employees: Double, country: String, uses: Double, deals: Double, peak: Double
    ) -> (account: AccountRef, facts: [FactKey: Double]) {
        var facts: [FactKey: Double] = [
            .employees: employees, .decayedKeyFeatureUses(halfLifeDays: 30, windowDays: 90): uses,
            .decayedExpansions(halfLifeDays: 30, windowDays: 90): deals, .peakActiveUsers(windowDays: 30): peak,
        ]
        for name in industries { facts[.industry(name)] = name == industry ? 1 : 0 }
        for name in countries { facts[.country(name)] = name == country ? 1 : 0 }
        return (AccountRef(id), facts)
    }

    private static var accounts: FactTable {
        FactTable(
            asOf: .workedExample,
            rows: [
                row("ideal", industry: "software", employees: 200, country: "us", uses: 100, deals: 1, peak: 8),
                row("brand", industry: "healthcare", employees: 20_000, country: "fr", uses: 0, deals: 0, peak: 1),
                row("quiet", industry: "retail", employees: 10, country: "us", uses: 50, deals: 0, peak: 3),
            ])
    }

    /// Defaults on three accounts, each strong in something else.
    ///
    /// Shares: fit 40 (revenue ICP 28, brand ICP 12), intent 30 (product 21, deals 9), engagement 30
    /// (committee 24, breadth 6). `ideal` meets the whole revenue ICP and only the brand ICP's "any country";
    /// `brand` the whole brand ICP; `quiet` (retail, 10 people, US) the country of each. Activity 100/0/50 and deals
    /// 1/0/0 scale to 100/0/50 and 100/0/0; 8, 1 and 3 active users of a committee of 6 are 100, 16.7 and 50;
    /// breadth 8/200, 1/20,000 and 3/10 scale between the last two.
    static var defaults: WorkedExample<AccountScore> {
        let breadth = (0.04 - 0.000_05) / (0.3 - 0.000_05) * 100
        return WorkedExample(
            name: "default groups and profiles", configuration: AccountConfiguration(), facts: accounts,
            expected: [
                Expectation(
                    "ideal", value: 28 + 12 * 0.2 + 21 + 9 + 24 + 6 * breadth / 100, tolerance: 1e-9, band: "Tier 1",
                    details: [("revenue_icp_grade", .text("A")), ("brand_icp_grade", .text("D"))]),
                Expectation(
                    "brand", value: 12 + 4, tolerance: 1e-9, band: "Tier 3",
                    details: [("revenue_icp_grade", .text("D")), ("brand_icp_grade", .text("A"))]),
                Expectation(
                    "quiet", value: 5.6 + 2.4 + 10.5 + 12 + 6, tolerance: 1e-9, band: "Tier 3",
                    details: [("revenue_icp_grade", .text("D")), ("brand_icp_grade", .text("D"))]),
            ])
    }

    /// A configured multi-tier model: fit 50 (all revenue ICP: retail in the US, size not weighed), intent 50 (half
    /// product, half deals), engagement 0; the revenue ICP graded Fit 50-100 / No fit 0-49.
    static var customProfile: WorkedExample<AccountScore> {
        var configuration = AccountConfiguration()
        configuration.groups = ["fit": 50, "intent": 50, "engagement": 0]
        configuration.weights = [
            "fit": ["revenue_icp": 100, "brand_icp": 0], "intent": ["product_activity": 50, "deal_activity": 50],
        ]
        var profile = IdealCustomerProfile(industries: ["retail"], countries: ["US"])
        profile.weights = ["industry": 50, "employees": 0, "country": 50]
        profile.grades = Bands(trusted: [Band("No fit", 0, 49), Band("Fit", 50, 100)])
        configuration.icp = ["revenue_icp": profile]
        return WorkedExample(
            name: "configured groups, weights and revenue ICP", configuration: configuration, facts: accounts,
            expected: [
                // Country only (25), product 25, deals 25.
                Expectation(
                    "ideal", value: 25 + 25 + 25, band: "Tier 1", details: [("revenue_icp_grade", .text("Fit"))]),
                Expectation("brand", value: 0, band: "Tier 3", details: [("revenue_icp_grade", .text("No fit"))]),
                // Retail in the US (50), half the product activity (12.5), no deals.
                Expectation("quiet", value: 50 + 12.5, band: "Tier 2", details: [("revenue_icp_grade", .text("Fit"))]),
            ])
    }
}
