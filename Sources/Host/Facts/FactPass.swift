import ScoreKit

/// The grouped SQL pass that computes a fact.
///
/// Every `FactKey` names its pass in one exhaustive switch, so a key added to ScoreKit does not compile until the host
/// says where it is computed; `FactLoader` runs only the passes its keys need. A new fact: add the case to `FactKey`,
/// its pass here, its column in that pass's `FactLoader+` file, and an example to `FactKeyCoverageTests`, which checks
/// every key yields values on generated data.
///
/// The cases are in the order a load starts them, the longest first as measured on M (payments 0.3-0.6 s, usage
/// 0.25-0.45, purchase days 0.4, invoices 0.25, contacts 0.15, ...): a long pass taken last by a free connection
/// would finish alone. Started by name, usage came last and kept an expansion run's facts waiting 0.2 s.
enum FactPass: CaseIterable {
    case payments, usage, purchaseDays, invoices, firstYearRevenue, products, contacts, accounts, mrr, tickets
    case charges, referrals, assessments, nps, deals, accountCosts
}

extension FactKey {
    /// The pass that computes this fact.
    var pass: FactPass {
        switch self {
        case .daysSinceLastPayment, .paidInvoices, .paidAmount, .lifetimeRevenue, .tenureDays:
            return .invoices
        // Passes of their own over the same invoices, so that they run beside the grouped one, not after it.
        case .firstYearRevenue:
            return .firstYearRevenue
        case .distinctProducts:
            return .products
        case .currentMRR, .pastMRR, .decayedExpansions:
            return .mrr
        case .acquisitionCost, .yearlyCostToServe:
            return .accountCosts
        case .assessment:
            return .assessments
        case .daysToNextInvoice, .invoicesIssued, .invoicedAmount, .invoicesDue, .invoicesPaidOnTime, .averageDaysLate,
            .uncollectibleInvoices, .openBalance:
            return .payments
        case .failedCharges, .disputedCharges:
            return .charges
        case .keyFeatureUses, .averageActiveUsers, .decayedKeyFeatureUses, .peakActiveUsers:
            return .usage
        case .unresolvedTickets, .highPriorityTickets:
            return .tickets
        case .latestNPS:
            return .nps
        case .employees, .industry, .country:
            return .accounts
        case .referredAccounts, .referredRevenue:
            return .referrals
        case .repeatPurchaseDays, .purchaseSpanDays, .repeatPurchaseValue:
            return .purchaseDays
        case .engagedContacts, .knownContacts:
            return .contacts
        case .wonDeals, .openDealAmount:
            return .deals
        }
    }
}
