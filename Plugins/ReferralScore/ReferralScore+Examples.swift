import ScoreKit

extension ReferralScore {
    /// Referrer, big logos by list and by size, lighthouse flags; and second-degree revenue with its own weight.
    public static var examples: [WorkedExample<ReferralScore>] { [referrersLogosAndLighthouses, secondDegree] }

    /// A customer since a year before the as-of day, with these facts.
    private static func customer(_ id: String, _ facts: [FactKey: Double]) -> (
        account: AccountRef, facts: [FactKey: Double]
    ) {
        (AccountRef(id), facts.merging([.tenureDays: 365]) { given, _ in given })
    }

    /// Default weights 50/30/20: `hub` referred the most revenue; `giant` is a big logo by size and a lighthouse;
    /// `listed` is a big logo by the list, referred half as much and gave both flags; `plain` has nothing.
    static var referrersLogosAndLighthouses: WorkedExample<ReferralScore> {
        var configuration = ReferralConfiguration()
        configuration.bigLogos = ["listed"]
        let lighthouse = FactKey.assessment(item: "lighthouse")
        let testimonial = FactKey.assessment(item: "testimonial")
        let window = configuration.windowDays
        let facts = FactTable(
            asOf: .workedExample,
            rows: [
                customer(
                    "hub",
                    [
                        .referredAccounts(degree: 1): 3, .referredRevenue(degree: 1, windowDays: window): 1_000_000,
                        .employees: 200,
                    ]),
                customer("giant", [.employees: 5000, lighthouse: 1, testimonial: 0]),
                customer(
                    "listed",
                    [
                        .referredAccounts(degree: 1): 1, .referredRevenue(degree: 1, windowDays: window): 500_000,
                        .employees: 50, lighthouse: 1, testimonial: 1,
                    ]),
                customer("plain", [.employees: 10]),
                // Not a customer by the day (no paid invoice, so no tenure): left out, so it cannot stretch the scale.
                (AccountRef("prospect"), [.referredRevenue(degree: 1, windowDays: window): 4_000_000]),
            ])
        // Referred revenue 1,000,000 / 0 / 500,000 / 0 scales to 100 / 0 / 50 / 0.
        return WorkedExample(
            name: "referrers, big logos and lighthouses", configuration: configuration, facts: facts,
            expected: [
                Expectation(
                    "hub", value: 50, band: "High",
                    details: [("referred_accounts", .integer(3)), ("big_logo", .text("no"))]),
                Expectation("giant", value: 30 + 10, band: "High", details: [("big_logo", .text("yes"))]),
                Expectation("listed", value: 25 + 30 + 20, band: "High", details: [("big_logo", .text("yes"))]),
                Expectation("plain", value: 0, band: "Low", details: [("referred_accounts", .integer(0))]),
                .notScored("prospect"),
            ])
    }

    /// `a` referred `b` (paid 100), `b` referred `c` (paid 300): `a` earns on both degrees, `b` on its direct one.
    static var secondDegree: WorkedExample<ReferralScore> {
        var configuration = ReferralConfiguration()
        configuration.weights = ["referred_revenue": 60, "second_degree_revenue": 40]
        let facts = FactTable(
            asOf: .workedExample,
            rows: [
                customer(
                    "a",
                    [
                        .referredRevenue(degree: 1, windowDays: 365): 100,
                        .referredRevenue(degree: 2, windowDays: 365): 300,
                    ]),
                customer("b", [.referredRevenue(degree: 1, windowDays: 365): 300]),
                customer("c", [:]),
            ])
        // Direct 100 / 300 / 0 scales to 33.3 / 100 / 0; second degree 300 / 0 / 0 to 100 / 0 / 0.
        return WorkedExample(
            name: "second-degree revenue with its own weight", configuration: configuration, facts: facts,
            expected: [
                Expectation("a", value: 20 + 40, tolerance: 1e-9, band: "High"),
                Expectation("b", value: 60, band: "High"),
                Expectation("c", value: 0, band: "Low"),
            ])
    }
}
