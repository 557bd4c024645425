import Foundation
import Generator
import ScoreKit
import Store
import Testing

@testable import Host

/// One example of every `FactKey` case.
///
/// The switch in `caseNumber` has no `default`, so a new case does not compile
/// until it is numbered here, and the coverage test then fails until it has an example.
let allFactKeyExamples: [FactKey] = [
    .daysSinceLastPayment, .paidInvoices(windowDays: 365), .paidAmount(windowDays: 365), .lifetimeRevenue,
    .firstYearRevenue, .tenureDays, .distinctProducts(windowDays: 365), .currentMRR, .pastMRR(daysBefore: 90),
    .daysToNextInvoice, .keyFeatureUses(windowDays: 30), .acquisitionCost, .yearlyCostToServe,
    .assessment(item: "need_fit"), .repeatPurchaseDays, .purchaseSpanDays, .repeatPurchaseValue,
    .invoicesIssued(windowDays: 365), .invoicedAmount(windowDays: 365), .invoicesDue(windowDays: 365),
    .invoicesPaidOnTime(windowDays: 365), .averageDaysLate(windowDays: 365), .uncollectibleInvoices(windowDays: 730),
    .openBalance, .failedCharges(windowDays: 365), .disputedCharges(windowDays: 365),
    .averageActiveUsers(windowDays: 30),
    .unresolvedTickets, .highPriorityTickets(windowDays: 365), .latestNPS, .employees, .industry("software"),
    .country("US"), .decayedKeyFeatureUses(halfLifeDays: 30, windowDays: 90),
    .decayedExpansions(halfLifeDays: 90, windowDays: 365), .peakActiveUsers(windowDays: 30),
    .referredAccounts(degree: 1), .referredRevenue(degree: 1, windowDays: 365),
    .engagedContacts(windowDays: 90), .knownContacts, .wonDeals(windowDays: 90), .openDealAmount,
]

private func caseNumber(_ key: FactKey) -> Int {
    switch key {
    case .daysSinceLastPayment: return 0
    case .paidInvoices: return 1
    case .paidAmount: return 2
    case .lifetimeRevenue: return 3
    case .firstYearRevenue: return 4
    case .tenureDays: return 5
    case .distinctProducts: return 6
    case .currentMRR: return 7
    case .pastMRR: return 8
    case .daysToNextInvoice: return 9
    case .keyFeatureUses: return 10
    case .acquisitionCost: return 11
    case .yearlyCostToServe: return 12
    case .assessment: return 13
    case .repeatPurchaseDays: return 14
    case .purchaseSpanDays: return 15
    case .repeatPurchaseValue: return 16
    case .invoicesIssued: return 17
    case .invoicedAmount: return 18
    case .invoicesDue: return 19
    case .invoicesPaidOnTime: return 20
    case .averageDaysLate: return 21
    case .uncollectibleInvoices: return 22
    case .openBalance: return 23
    case .failedCharges: return 24
    case .disputedCharges: return 25
    case .averageActiveUsers: return 26
    case .unresolvedTickets: return 27
    case .highPriorityTickets: return 28
    case .latestNPS: return 29
    case .employees: return 30
    case .industry: return 31
    case .country: return 32
    case .decayedKeyFeatureUses: return 33
    case .decayedExpansions: return 34
    case .peakActiveUsers: return 35
    case .referredAccounts: return 36
    case .referredRevenue: return 37
    case .engagedContacts: return 38
    case .knownContacts: return 39
    case .wonDeals: return 40
    case .openDealAmount: return 41
    }
}

@Test func theExamplesCoverEveryFactKeyCase() {
    #expect(Set(allFactKeyExamples.map(caseNumber)) == Set(0...41))
}

@Test(arguments: Engine.allCases) func everyFactKeyYieldsValuesOnGeneratedData(engine: Engine) throws {
    let scratch = try Scratch(engine: engine)
    let data = scratch.folder.appendingPathComponent("data").path
    _ = try DataGenerator(options: DataGenerator.Options(accounts: 300, seed: 11, usageDays: 120)).write(to: data)
    let importer = Importer(database: scratch.database)
    for (kind, file) in DataGenerator.files {
        _ = try importer.importFile(kind: kind, path: data + "/" + file)
    }
    // Payments come from syncs only: two charges, one failed and one disputed, a month before the end.
    let day = DataGenerator.defaultEndDay.adding(days: -30).description
    try scratch.database.execute(
        """
        INSERT INTO payments (source, external_id, account_id, created_date, amount_cents, status, disputed, raw)
        SELECT 'stripe', 'ch_' || id, id, '\(day)', 1000, CASE WHEN id % 2 = 0 THEN 'failed' ELSE 'succeeded' END,
               id % 2, '{}'
        FROM accounts ORDER BY id LIMIT 2
        """)
    // Deals come from syncs only too: one won a month before the end, one still open.
    try scratch.database.execute(
        """
        INSERT INTO deals (source, external_id, account_id, name, amount_cents, created_date, close_date, is_closed,
                           is_won, raw)
        SELECT 'hubspot', 'deal_' || id, id, 'Expansion', 500000, '\(day)', CASE WHEN id % 2 = 0 THEN '\(day)' END,
               1 - id % 2, 1 - id % 2, '{}'
        FROM accounts ORDER BY id LIMIT 2
        """)
    let (facts, _) = try FactLoader(database: scratch.database).load(
        allFactKeyExamples, asOf: DataGenerator.defaultEndDay)
    for key in allFactKeyExamples {
        let values = facts.column(key).compactMap { $0 }
        #expect(!values.isEmpty, "\(key) came back with no value for any of \(facts.accounts.count) accounts")
    }
}
