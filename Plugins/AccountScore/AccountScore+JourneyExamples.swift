import ScoreKit

extension AccountScore {
    /// One account's facts under the default windows; industry and country as the flags the host gives.
    private static func journeyRow(
        _ id: String, industry: String, country: String, facts: [FactKey: Double]
    ) -> (account: AccountRef, facts: [FactKey: Double]) {
        var all = facts
        for name in ["software", "fintech", "healthcare", "education", "media"] {
            all[.industry(name)] = name == industry ? 1 : 0
        }
        for name in ["us", "gb", "de", "nl"] { all[.country(name)] = name == country ? 1 : 0 }
        return (AccountRef(id), all)
    }

    /// Three accounts: `ready` is expanding, `steady` in between, `slipping` on its way out (no contacts, no
    /// employee count, no deals).
    private static var journeyAccounts: FactTable {
        let uses = FactKey.decayedKeyFeatureUses(halfLifeDays: 30, windowDays: 90)
        let rises = FactKey.decayedExpansions(halfLifeDays: 30, windowDays: 90)
        let peak = FactKey.peakActiveUsers(windowDays: 30)
        let engaged = FactKey.engagedContacts(windowDays: 90)
        let due = FactKey.invoicesDue(windowDays: 180)
        let onTime = FactKey.invoicesPaidOnTime(windowDays: 180)
        let recent = FactKey.keyFeatureUses(windowDays: 30)
        let both = FactKey.keyFeatureUses(windowDays: 60)
        let urgent = FactKey.highPriorityTickets(windowDays: 90)
        let won = FactKey.wonDeals(windowDays: 90)
        return FactTable(
            asOf: .workedExample,
            rows: [
                journeyRow(
                    "ready", industry: "software", country: "us",
                    facts: [
                        uses: 120, peak: 10, .employees: 100, engaged: 6, .knownContacts: 6, .latestNPS: 9,
                        .openDealAmount: 50_000, won: 2, rises: 1.5, .unresolvedTickets: 0, urgent: 0, due: 4,
                        onTime: 4, recent: 40, both: 70,
                    ]),
                journeyRow(
                    "steady", industry: "retail", country: "gb",
                    facts: [
                        uses: 60, peak: 5, .employees: 100, engaged: 3, .knownContacts: 4, .latestNPS: 7,
                        .openDealAmount: 20_000, won: 0, rises: 0.5, .unresolvedTickets: 1, urgent: 1, due: 4,
                        onTime: 3, recent: 20, both: 60,
                    ]),
                journeyRow(
                    "slipping", industry: "healthcare", country: "fr",
                    facts: [
                        uses: 0, peak: 2, .latestNPS: 3, .unresolvedTickets: 3, urgent: 2, due: 2, onTime: 0,
                        recent: 0, both: 10,
                    ]),
            ])
    }

    /// The default expansion journey (seed 002: touchpoint weights sum to 100, signal weights within each too).
    ///
    /// Shares of the score: adoption 35 (product_activity 24.5, breadth 10.5), relationship 25 (committee 17.5,
    /// promoter 7.5), hand_raisers 25 (open_pipeline 10, won_deals 7.5, deal_activity 7.5), fit 15 (revenue_icp
    /// 10.5, brand_icp 4.5). Scaled: activity 120/60/0 → 100/50/0; breadth 0.1/0.05/unknown → 100/0/50; committee 6
    /// and 3 engaged contacts of 6 → 100/50, `slipping` has no contacts so its 2 active users → 33.3; promoter 9/7/none
    /// → 100/0/0; pipeline 50,000/20,000/0 → 100/40/0; won 2/0/0 → 100/0/0; rises 1.5/0.5/0 → 100/33.3/0; revenue
    /// ICP 100/60/0 (software, 100 people, US; 100 people in GB; nothing); brand ICP 20/20/60 (any country; plus
    /// healthcare). `ready` 35 + 25 + 25 + (10.5 + 0.9) = 96.4; `steady` 12.25 + 8.75 + (4 + 2.5) + (6.3 + 0.9) =
    /// 34.7; `slipping` 5.25 + 17.5 / 3 + 2.7. Bands by share: the top one of three is Tier 1.
    static var expansionJourney: WorkedExample<AccountScore> {
        var configuration = AccountConfiguration()
        configuration.journey = "expansion"
        return WorkedExample(
            name: "the default expansion journey", configuration: configuration, facts: journeyAccounts,
            expected: [
                Expectation(
                    "ready", value: 96.4, band: "Tier 1",
                    details: [
                        ("adoption", .number(35)), ("relationship", .number(25)), ("hand_raisers", .number(25)),
                        ("fit", .number(11.4)), ("revenue_icp_grade", .text("A")),
                        ("committee_source", .text("contacts")),
                    ]),
                Expectation(
                    "steady", value: 34.7, band: "Tier 3",
                    details: [
                        ("adoption", .number(12.25)), ("relationship", .number(8.75)), ("hand_raisers", .number(6.5)),
                        ("fit", .number(7.2)),
                    ]),
                Expectation(
                    "slipping", value: 5.25 + 17.5 / 3 + 2.7, band: "Tier 3",
                    details: [
                        ("relationship", .number(5.83)), ("brand_icp_grade", .text("B")),
                        ("committee_source", .text("active_users")),
                    ]),
            ])
    }

    /// The default attrition journey, a risk: higher is nearer the loss.
    ///
    /// Shares: complaints 30 (unresolved_tickets 15, high_priority_tickets 15), payment_friction 25 (late_payments
    /// 25), going_quiet 25 (usage_decline 15, quiet_contacts 10), detraction 20 (detractor 20). `ready` shows none of
    /// it: no tickets, 4 of 4 paid on time, usage up (40 against 30), every contact engaged, NPS 9. `steady`: tickets
    /// 1 of 0-3 (33.3) and 1 of 0-2 (50), 1 of 4 late (25), uses 20 against 40 (a 50% fall), 1 of 4 contacts quiet
    /// (25), NPS 7 (no detractor): 5 + 7.5 + 6.25 + 7.5 + 2.5 = 28.75. `slipping`: most tickets (100, 100), 2 of 2
    /// late, uses 0 against 10 (100), no contacts (unknown, 50), NPS 3: 15 + 15 + 25 + 15 + 5 + 20 = 95.
    static var attritionJourney: WorkedExample<AccountScore> {
        var configuration = AccountConfiguration()
        configuration.journey = "attrition"
        return WorkedExample(
            name: "the default attrition journey", configuration: configuration, facts: journeyAccounts,
            expected: [
                Expectation("ready", value: 0, band: "Low", details: [("complaints", .number(0))]),
                Expectation(
                    "steady", value: 28.75, band: "Low",
                    details: [
                        ("complaints", .number(12.5)), ("payment_friction", .number(6.25)),
                        ("going_quiet", .number(10)),
                        ("detraction", .number(0)),
                    ]),
                Expectation(
                    "slipping", value: 95, band: "High",
                    details: [("going_quiet", .number(20)), ("detraction", .number(20))]),
            ])
    }
}
