import ScoreKit

extension HealthScore {
    /// The seed 004 trap avoided, before and after one account's tickets move, and a percentile base.
    public static var examples: [WorkedExample<HealthScore>] {
        [trapAvoided(smallTickets: 0), trapAvoided(smallTickets: 40), percentileBase, optionalSignals, pointGrids]
    }

    /// Facts for one account: renewal as on-time invoices of 4 due, key-feature uses per active user, open tickets.
    private static func signals(onTime: Double, usesPerUser: Double, tickets: Double) -> [FactKey: Double] {
        [
            .invoicesDue(windowDays: 365): 4, .invoicesPaidOnTime(windowDays: 365): onTime,
            .averageActiveUsers(windowDays: 30): 10, .keyFeatureUses(windowDays: 30): usesPerUser * 10,
            .unresolvedTickets: tickets, .highPriorityTickets(windowDays: 90): 0,
        ]
    }

    /// Seed 004, "Worked Example: Health Score": under impact x frequency, 500 (here key-feature uses per user) drowns
    /// renewal and 40 unresolved tickets.
    ///
    /// Normalised, each signal adds at most its weight, and moving `small` from the base's lowest ticket count (0,
    /// shared with `mid`) to its highest (40, held by `big`) costs exactly 25 points.
    ///
    /// Renewal 4/4, 2/4, 3/4 scale to 100, 0, 50; uses 500/50/200 to 100, 0, 33.3; tickets 0..40 turn around.
    static func trapAvoided(smallTickets: Double) -> WorkedExample<HealthScore> {
        let facts = FactTable(
            asOf: .workedExample,
            rows: [
                (AccountRef("big"), signals(onTime: 4, usesPerUser: 500, tickets: 40)),
                (AccountRef("small"), signals(onTime: 4, usesPerUser: 50, tickets: smallTickets)),
                (AccountRef("late"), signals(onTime: 2, usesPerUser: 200, tickets: 4)),
                (AccountRef("mid"), signals(onTime: 3, usesPerUser: 50, tickets: 0)),
            ])
        // small: renewal 40 + usage 0 + support 25 (0 tickets) or 0 (40 tickets).
        let small = smallTickets == 0 ? 65.0 : 40.0
        return WorkedExample(
            name: "seed 004 trap avoided, small with \(Int(smallTickets)) tickets",
            configuration: HealthConfiguration(),
            facts: facts,
            expected: [
                Expectation(
                    "big", value: 40 + 35 + 0, band: "Green", details: [("playbook", .text("Quarterly check-in"))]),
                Expectation(
                    "small", value: small, band: "Yellow",
                    details: [("playbook", .text("CSM outreach within the week"))]),
                Expectation(
                    "late", value: 0 + 35.0 / 3 + 22.5, tolerance: 1e-9, band: "Red",
                    details: [("playbook", .text("Executive escalation today"))]),
                Expectation("mid", value: 20 + 0 + 25, band: "Yellow"),
            ])
    }

    /// Percentile scaling: ranks, not distances, so one outlier (10,000 uses per user) counts as just the highest.
    static var percentileBase: WorkedExample<HealthScore> {
        var configuration = HealthConfiguration()
        configuration.normalisation = .percentile
        let facts = FactTable(
            asOf: .workedExample,
            rows: [
                (AccountRef("outlier"), signals(onTime: 4, usesPerUser: 10_000, tickets: 0)),
                (AccountRef("steady"), signals(onTime: 4, usesPerUser: 60, tickets: 1)),
                (AccountRef("quiet"), signals(onTime: 4, usesPerUser: 50, tickets: 2)),
            ])
        // Renewal ties at the mid-rank 50 (20 points); uses rank 100/50/0; tickets rank 0/50/100, turned around.
        return WorkedExample(
            name: "percentile base with an outlier", configuration: configuration, facts: facts,
            expected: [
                Expectation("outlier", value: 20 + 35 + 25, band: "Green"),
                Expectation("steady", value: 20 + 17.5 + 12.5, band: "Yellow"),
                Expectation("quiet", value: 20, band: "Red"),
            ])
    }

    /// NPS and the active-user ratio, weighted in: an account without an NPS answer neither gains nor loses.
    static var optionalSignals: WorkedExample<HealthScore> {
        var configuration = HealthConfiguration()
        configuration.weights = [
            "renewal": 40, "feature_usage": 20, "support": 20, "nps": 10, "active_users_ratio": 10,
        ]
        func row(_ id: String, nps: Double?, employees: Double) -> (account: AccountRef, facts: [FactKey: Double]) {
            var values = signals(onTime: 4, usesPerUser: 5, tickets: 0)
            values[.employees] = employees
            if let nps { values[.latestNPS] = nps }
            return (AccountRef(id), values)
        }
        let facts = FactTable(
            asOf: .workedExample,
            rows: [
                row("fan", nps: 10, employees: 10), row("critic", nps: 2, employees: 40),
                row("silent", nps: nil, employees: 20),
            ])
        // Renewal, usage and support are constant (50 each: 40 x .5 + 20 x .5 + 20 x .5 = 40); NPS 100/0/50 unknown;
        // 10 active users per 10, 40 and 20 employees: ratios 1, .25, .5 scale to 100, 0, 33.3.
        return WorkedExample(
            name: "optional NPS and active-user ratio", configuration: configuration, facts: facts,
            expected: [
                Expectation("fan", value: 40 + 10 + 10, band: "Yellow"),
                Expectation("critic", value: 40, band: "Yellow"),
                Expectation("silent", value: 40 + 5 + 10.0 / 3, tolerance: 1e-9, band: "Yellow"),
            ])
    }

    /// Point grids in place of scaling, as ChurnZero and HubSpot users write them: 10 or more key-feature uses per user
    /// earn all the usage points, 5-9 half; no ticket earns all the support points, 1-2 half, 3 or more none.
    ///
    /// Renewal is still scaled across the base (4/4, 2/4, 3/4 to 100, 0, 50).
    static var pointGrids: WorkedExample<HealthScore> {
        var configuration = HealthConfiguration()
        let grids: [(signal: String, entries: [(range: String, points: Double)])] = [
            ("feature_usage", [("10+", 100), ("5-9", 50), ("0-4", 0)]),
            ("support", [("0", 100), ("1-2", 50), ("3+", 0)]),
        ]
        // A grid that failed to build would leave its signal scaled, and the expected values below would not hold.
        for grid in grids {
            if let built = try? PointGrid(grid.entries) { configuration.grids[grid.signal] = built }
        }
        let facts = FactTable(
            asOf: .workedExample,
            rows: [
                (AccountRef("active"), signals(onTime: 4, usesPerUser: 12, tickets: 0)),
                (AccountRef("casual"), signals(onTime: 2, usesPerUser: 6, tickets: 2)),
                (AccountRef("idle"), signals(onTime: 3, usesPerUser: 1, tickets: 5)),
            ])
        return WorkedExample(
            name: "point grids for usage and support", configuration: configuration, facts: facts,
            expected: [
                Expectation("active", value: 100, band: "Green"),
                Expectation("casual", value: 30, band: "Red"),
                Expectation("idle", value: 20, band: "Red"),
            ])
    }
}
