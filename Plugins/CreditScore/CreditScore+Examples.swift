import ScoreKit

extension CreditScore {
    /// A three-account base across the grades, a sector table with custom grades and terms, and the charge signals.
    public static var examples: [WorkedExample<CreditScore>] {
        [threeGrades, sectorTableAndCustomGrades, failedChargesAndDisputes]
    }

    /// A year of 12 monthly invoices of 100,000 (minor units), of which `onTime` were paid on time.
    private static func year(
        onTime: Double, daysLate: Double, open: Double, paid: Double, failed: Double, employees: Double
    ) -> [FactKey: Double] {
        [
            .invoicesIssued(windowDays: 365): 12, .invoicedAmount(windowDays: 365): 1_200_000,
            .invoicesDue(windowDays: 365): 12, .invoicesPaidOnTime(windowDays: 365): onTime,
            .averageDaysLate(windowDays: 365): daysLate, .uncollectibleInvoices(windowDays: 365): failed,
            .openBalance: open, .paidAmount(windowDays: 365): paid, .employees: employees,
        ]
    }

    /// Prime pays on time and owes nothing; slow is late half the time; risky is always late and owes four invoices.
    ///
    /// Late share 0/50/100%, days late 0/20/40, failed 0/1/2 and open balance 0/2/4 invoices scale to 100/50/0 after
    /// turning around; DSO 0, 73 (200,000 over 1,000,000 / 365 a day) and 182.5 to 100/60/0; employees 1,000/100/10
    /// on the log scale to 100/50/0; sector risk 20 (software), 60 (retail) and 50 (unlisted) gives 80/40/50.
    static var threeGrades: WorkedExample<CreditScore> {
        var configuration = CreditConfiguration()
        configuration.sectorRisk = ["retail": 60, "software": 20]
        var prime = year(onTime: 12, daysLate: 0, open: 0, paid: 1_200_000, failed: 0, employees: 1000)
        prime[.industry("software")] = 1
        prime[.industry("retail")] = 0
        var slow = year(onTime: 6, daysLate: 20, open: 200_000, paid: 1_000_000, failed: 1, employees: 100)
        slow[.industry("software")] = 0
        slow[.industry("retail")] = 1
        var risky = year(onTime: 0, daysLate: 40, open: 400_000, paid: 800_000, failed: 2, employees: 10)
        risky[.industry("software")] = 0
        risky[.industry("retail")] = 0
        let facts = FactTable(
            asOf: .workedExample,
            rows: [(AccountRef("prime"), prime), (AccountRef("slow"), slow), (AccountRef("risky"), risky)])
        return WorkedExample(
            name: "three accounts across the grades", configuration: configuration, facts: facts,
            expected: [
                Expectation(
                    "prime", value: 20 + 15 + 15 + 15 + 10 + 10 + 15 * 0.8, tolerance: 1e-9, band: "A",
                    details: [("terms", .text("net 60"))]),
                Expectation(
                    "slow", value: 10 + 7.5 + 9 + 7.5 + 5 + 5 + 6, tolerance: 1e-9, band: "C",
                    details: [("terms", .text("net 30"))]),
                Expectation(
                    "risky", value: 15 * 0.5, tolerance: 1e-9, band: "E", details: [("terms", .text("prepay"))]),
            ])
    }

    /// Custom grades and terms over late share and the sector table; an account with nothing due yet is neutral (50)
    /// on lateness, and an unlisted sector takes the default risk.
    static var sectorTableAndCustomGrades: WorkedExample<CreditScore> {
        var configuration = CreditConfiguration()
        configuration.weights = ["late_share": 50, "sector_risk": 50]
        configuration.sectorRisk = ["retail": 90, "software": 10]
        configuration.bands = Bands(trusted: [Band("Watch", 0, 49), Band("Prime", 50, 100)])
        configuration.terms = ["Prime": "net 45", "Watch": "prepay"]
        func row(_ id: String, due: Double, onTime: Double, software: Double, retail: Double) -> (
            AccountRef, [FactKey: Double]
        ) {
            (
                AccountRef(id),
                [
                    .invoicesIssued(windowDays: 365): 4, .invoicesDue(windowDays: 365): due,
                    .invoicesPaidOnTime(windowDays: 365): onTime, .industry("software"): software,
                    .industry("retail"): retail,
                ]
            )
        }
        let facts = FactTable(
            asOf: .workedExample,
            rows: [
                row("soft", due: 4, onTime: 4, software: 1, retail: 0),
                row("shop", due: 4, onTime: 2, software: 0, retail: 1),
                row("mine", due: 0, onTime: 0, software: 0, retail: 0),
            ])
        return WorkedExample(
            name: "sector table with custom grades and terms", configuration: configuration, facts: facts,
            expected: [
                Expectation("soft", value: 50 + 45, band: "Prime", details: [("terms", .text("net 45"))]),
                Expectation("shop", value: 0 + 5, band: "Watch", details: [("terms", .text("prepay"))]),
                Expectation("mine", value: 25 + 25, band: "Prime"),
            ])
    }

    /// Failed charges and disputes weighed beside lateness: all four pay their invoices, `fought` half of them late.
    ///
    /// Late share 0/0/50/0% scales to 100/100/0/100 after turning around (40% weight); failed charges 0/2/4 to
    /// 100/50/0 and disputes 0/0/1 to 100/100/0 (30% each); `offline` has no charge history (billing imported as
    /// invoices only), so it is neutral (50) on both.
    static var failedChargesAndDisputes: WorkedExample<CreditScore> {
        var configuration = CreditConfiguration()
        configuration.weights = ["late_share": 40, "failed_charges": 30, "disputes": 30]
        func row(_ id: String, onTime: Double, charges: (failed: Double, disputed: Double)?) -> (
            AccountRef, [FactKey: Double]
        ) {
            var facts: [FactKey: Double] = [
                .invoicesIssued(windowDays: 365): 12, .invoicesDue(windowDays: 365): 12,
                .invoicesPaidOnTime(windowDays: 365): onTime,
            ]
            if let charges {
                facts[.failedCharges(windowDays: 365)] = charges.failed
                facts[.disputedCharges(windowDays: 365)] = charges.disputed
            }
            return (AccountRef(id), facts)
        }
        let facts = FactTable(
            asOf: .workedExample,
            rows: [
                row("steady", onTime: 12, charges: (0, 0)), row("bouncy", onTime: 12, charges: (2, 0)),
                row("fought", onTime: 6, charges: (4, 1)), row("offline", onTime: 12, charges: nil),
            ])
        return WorkedExample(
            name: "failed charges and disputes from synced payments", configuration: configuration, facts: facts,
            expected: [
                Expectation("steady", value: 40 + 30 + 30, band: "A", details: [("terms", .text("net 60"))]),
                Expectation("bouncy", value: 40 + 15 + 30, band: "A"),
                Expectation("fought", value: 0, band: "E", details: [("terms", .text("prepay"))]),
                Expectation("offline", value: 40 + 15 + 15, band: "B", details: [("terms", .text("net 45"))]),
            ])
    }
}
