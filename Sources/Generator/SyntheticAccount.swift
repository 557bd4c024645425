import Foundation
import ScoreKit

/// One generated account and the life its hidden health gives it.
struct SyntheticAccount {
    let id: String
    let health: Double
    let employees: Int
    let isAnnual: Bool
    let hasAddOn: Bool
    let start: Day
    var mrr: Int
    let options: DataGenerator.Options
    let index: Int

    static let prefixes = [
        "Acme", "Northwind", "Globex", "Initech", "Umbrella", "Stark", "Wayne", "Hooli", "Vandelay", "Soylent",
        "Tyrell",
        "Cyberdyne", "Wonka", "Oceanic", "Pied Piper", "Massive", "Aperture", "Gekko", "Monarch", "Bluth",
    ]
    static let suffixes = [
        "Labs", "Corp", "Inc", "Systems", "Group", "Analytics", "Logistics", "Health", "Foods", "Works",
    ]
    static let industries = [
        "software", "fintech", "healthcare", "retail", "manufacturing", "logistics", "education", "media",
    ]
    static let countries = ["US", "GB", "DE", "FR", "NL", "CA", "AU", "SE"]
    static let authors = ["ana.costa", "ben.okafor", "chloe.martin"]

    init(index: Int, options: DataGenerator.Options, random: inout SeededRandom) {
        self.index = index
        self.options = options
        id = "acc-" + String(format: "%06d", index)
        health = random.normal()
        employees = min(50_000, max(2, Int(exp(3.5 + 1.3 * random.normal()))))
        isAnnual = random.chance(0.25)
        hasAddOn = random.chance(0.3 + 0.1 * health)
        start = options.endDay.adding(days: -Int(random.unit() * Double(options.months + 12) * 30.4))
        let seats = max(1, Int(Double(employees) / 8 * (0.5 + random.unit())))
        mrr = max(4_900, seats * (1_500 + Int(random.unit() * 2_500)))
    }

    mutating func write(to sink: some GeneratorSink, random: inout SeededRandom) throws {
        let name = "\(random.pick(Self.prefixes)) \(random.pick(Self.suffixes)) \(index)"
        let domain = name.lowercased().replacingOccurrences(of: " ", with: "-") + ".example"
        let parent =
            index > 10 && random.chance(0.03)
            ? "acc-" + String(format: "%06d", 1 + Int(random.next() % UInt64(index - 1))) : ""
        let referrer =
            index > 10 && random.chance(0.05)
            ? "acc-" + String(format: "%06d", 1 + Int(random.next() % UInt64(index - 1))) : ""
        try sink.write(
            .accounts,
            [
                id, name, domain, random.pick(Self.industries), String(employees), random.pick(Self.countries),
                start.description,
                parent, referrer, String(mrr * (3 + Int(random.unit() * 9))),
                String(Int(Double(mrr * 12) * (0.1 + 0.4 * random.unit()))),
            ])
        let churnDay = try writeBilling(to: sink, random: &random)
        try writeUsage(to: sink, until: churnDay, random: &random)
        try writeSupport(to: sink, until: churnDay, random: &random)
        try writeContacts(to: sink, domain: domain, random: &random)
    }

    /// One to three contacts; the first is primary.
    ///
    /// Some went quiet long ago or have no e-mail (seed 004's stale contact who left months ago).
    private func writeContacts(to sink: some GeneratorSink, domain: String, random: inout SeededRandom) throws {
        let names = ["Alex Morgan", "Sam Lee", "Priya Shah", "Jonas Berg", "Maria Rossi", "Tom Okafor"]
        for number in 1...(1 + Int(random.next() % 3)) {
            let name = random.pick(names)
            let email =
                random.chance(0.05) ? "" : name.lowercased().replacingOccurrences(of: " ", with: ".") + "@" + domain
            let quiet =
                random.chance(health < 0 ? 0.3 : 0.08) ? 200 + Int(random.unit() * 300) : Int(random.unit() * 60)
            try sink.write(
                .contacts,
                [
                    "\(id)-c\(number)", id, name, email, number == 1 ? "yes" : "no",
                    options.endDay.adding(days: -quiet).description,
                ])
        }
    }

    /// Invoices, MRR changes and the churn, renewal and expansion outcomes; returns the churn day, if any.
    private mutating func writeBilling(to sink: some GeneratorSink, random: inout SeededRandom) throws -> Day? {
        let end = options.endDay
        let hazard = 0.02 * exp(-0.9 * health)
        let lateChance = 1 / (1 + exp(1.5 + 1.2 * health))
        var period = start
        var invoice = 0
        var change = 0
        var churnDay: Day?
        func writeChange(_ day: Day, _ type: String) throws {
            change += 1
            try sink.write(.mrr, ["\(id)-m\(change)", id, day.description, String(mrr), type])
        }
        try writeChange(start, "new")
        var periodIndex = 0
        while period <= end {
            let months = isAnnual ? 12 : 1
            if periodIndex > 0 {
                let leaves = isAnnual ? random.chance(1 - pow(1 - hazard, 12)) : random.chance(hazard)
                if leaves {
                    churnDay = period
                    mrr = 0
                    try writeChange(period, "churn")
                    try sink.write(.outcomes, [id, "churned", period.description])
                    break
                }
                if isAnnual { try sink.write(.outcomes, [id, "renewed", period.description]) }
                if random.chance(min(0.5, 0.03 * Double(months) * exp(0.5 * health))) {
                    mrr = mrr * 6 / 5
                    try writeChange(period, "expansion")
                    try sink.write(.outcomes, [id, "expanded", period.description])
                } else if random.chance(min(0.5, 0.02 * Double(months) * exp(-0.5 * health))) {
                    mrr = max(4_900, mrr * 17 / 20)
                    try writeChange(period, "contraction")
                }
            }
            if period.days(since: end) > -Int(Double(options.months) * 30.4) {
                invoice += 1
                try writeInvoice(
                    sink, number: invoice, issued: period, amount: mrr * months, product: "core", late: lateChance,
                    random: &random)
                if hasAddOn {
                    invoice += 1
                    try writeInvoice(
                        sink, number: invoice, issued: period, amount: mrr * months / 5, product: "analytics",
                        late: lateChance, random: &random)
                }
            }
            period = Self.addMonths(months, to: period, anchor: start)
            periodIndex += 1
        }
        return churnDay
    }

    private func writeInvoice(
        _ sink: some GeneratorSink, number: Int, issued: Day, amount: Int, product: String, late: Double,
        random: inout SeededRandom
    ) throws {
        let due = issued.adding(days: 30)
        let paid = issued.adding(days: random.chance(late) ? 31 + Int(random.unit() * 60) : Int(random.unit() * 25))
        let status: String
        var paidText = ""
        if random.chance(0.01 * exp(-health)) {
            status = "uncollectible"
        } else if paid > options.endDay {
            status = "open"
        } else {
            status = "paid"
            paidText = paid.description
        }
        try sink.write(
            .invoices,
            [
                "\(id)-i\(number)", id, issued.description, due.description, paidText, String(amount),
                status == "paid" ? String(amount) : "0", "usd", status, product,
            ])
    }

    private func writeUsage(to sink: some GeneratorSink, until churnDay: Day?, random: inout SeededRandom) throws {
        let end = options.endDay
        let seats = max(1, mrr / 2_500)
        let adoption = min(0.95, max(0.05, 0.5 + 0.2 * health))
        for offset in stride(from: options.usageDays - 1, through: 0, by: -1) {
            let day = end.adding(days: -offset)
            if day < start { continue }
            if let churnDay, day >= churnDay { break }
            // Usage decays in the two months before a churn: the signal churn scores look for.
            let decay = churnDay.map { max(0.1, min(1, Double($0.days(since: day)) / 60)) } ?? 1
            let weekend = (day.ordinal + 3) % 7 >= 5 ? 0.3 : 1
            let mean = Double(seats) * adoption * decay * weekend
            let active = max(0, Int((mean + mean.squareRoot() * random.normal()).rounded()))
            let usesMean = Double(active) * 0.4 * exp(0.4 * health)
            let uses = max(0, Int((usesMean + usesMean.squareRoot() * random.normal()).rounded()))
            try sink.write(.usage, [id, day.description, String(active), String(uses)])
        }
    }

    private func writeSupport(to sink: some GeneratorSink, until churnDay: Day?, random: inout SeededRandom) throws {
        let end = churnDay ?? options.endDay
        let windowStart = max(start, options.endDay.adding(days: -180))
        let span = end.days(since: windowStart)
        guard span > 0 else { return }
        let tickets = random.poisson(1.5 * exp(-0.6 * health) * Double(span) / 180)
        for number in 0..<tickets {
            let opened = windowStart.adding(days: Int(random.unit() * Double(span)))
            let priority = random.chance(health < 0 ? 0.3 : 0.12) ? "high" : random.pick(["normal", "normal", "low"])
            let resolved = random.chance(0.85 + 0.05 * health) && opened.adding(days: 2) <= options.endDay
            let closed =
                resolved
                ? min(options.endDay, opened.adding(days: 1 + Int(random.unit() * 10))).description + "T17:00:00Z" : ""
            try sink.write(
                .tickets,
                [
                    "\(id)-t\(number + 1)", id, opened.description + "T09:30:00Z", closed, priority,
                    resolved ? "closed" : "open",
                ])
        }
        if random.chance(0.4) {
            let responded = windowStart.adding(days: Int(random.unit() * Double(span)))
            let score = min(10, max(0, Int((7.5 + 1.8 * health + random.normal()).rounded())))
            try sink.write(.nps, ["\(id)-n1", id, responded.description, String(score)])
        }
        if random.chance(0.12) {
            let assessed = max(windowStart, end.adding(days: -Int(random.unit() * 60)))
            let author = random.pick(Self.authors)
            for item in ["profile_fit", "need_fit", "low_effort", "revenue_potential"] {
                let yes = health + 0.8 * random.normal() > -0.3
                try sink.write(.assessments, [id, item, yes ? "yes" : "no", author, assessed.description])
            }
        }
    }

    /// The billing day `months` later, keeping the anchor's day of month where the month has it.
    static func addMonths(_ months: Int, to day: Day, anchor: Day) -> Day {
        let (year, month, _) = day.components
        let total = year * 12 + (month - 1) + months
        let anchorDay = min(anchor.components.day, 28)
        return Day(year: total / 12, month: total % 12 + 1, day: anchorDay) ?? day.adding(days: 30 * months)
    }
}
