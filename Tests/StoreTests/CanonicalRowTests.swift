import Foundation
import Store
import Testing

/// Every typed row's properties are its table's columns, name for name and in order, and `values` binds each
/// property in its own column: a row whose `values` swapped two columns, or a table that gained a column its row
/// lacks, fails here.
@Suite struct CanonicalRowTests {
    /// One row of each table with every property set to a value no other property has.
    static let samples: [any CanonicalRow] = [
        AccountRow(
            name: "n", domain: "d", industry: "i", employees: 1, country: "c", createdDate: "2025-01-01",
            parentID: "p", referredBy: "r", acquisitionCostCents: 2, yearlyCostCents: 3, crmLink: "l"),
        InvoiceRow(
            accountID: 7, issuedDate: "2025-01-01", dueDate: "2025-01-02", paidDate: "2025-01-03", amountDueCents: 2,
            amountPaidCents: 3, currency: "usd", status: "paid", product: "p"),
        MRRChangeRow(accountID: 7, effectiveDate: "2025-01-01", mrrCents: 2, changeType: "new"),
        UsageDayRow(accountID: 7, day: "2025-01-01", activeUsers: 2, keyFeatureUses: 3),
        TicketRow(
            accountID: 7, openedAt: "2025-01-01T00:00:00Z", closedAt: "2025-01-02T00:00:00Z", priority: "high",
            status: "closed"),
        NPSResponseRow(accountID: 7, respondedDate: "2025-01-01", score: 9),
        AssessmentRow(accountID: 7, item: "fit", answer: 0.5, author: "a", assessedDate: "2025-01-01"),
        OutcomeRow(accountID: 7, event: "churned", eventDate: "2025-01-01"),
        ContactRow(accountID: 7, name: "n", email: "e", isPrimary: false, lastActivityDate: "2025-01-01"),
        DealRow(
            accountID: 7, name: "n", stage: "s", amountCents: 2, createdDate: "2025-01-01", closeDate: "2025-01-02",
            isClosed: false, isWon: true),
        PaymentRow(
            accountID: 7, invoiceExternalID: "in_1", createdDate: "2025-01-01", amountCents: 2, currency: "usd",
            status: "succeeded", failureCode: "f", disputed: true, refundedCents: 3),
    ]

    @Test func everyTableHasOneRowType() {
        let tables = Self.samples.map { type(of: $0).table }
        #expect(Set(tables) == Set(CanonicalTable.allCases))
        #expect(tables.count == CanonicalTable.allCases.count)
    }

    @Test(arguments: samples.indices)
    func propertiesAreTheColumnsInOrder(_ index: Int) {
        let row = Self.samples[index]
        let table = type(of: row).table
        let properties = Mirror(reflecting: row).children
        #expect(properties.map { Self.columnName($0.label ?? "") } == table.columns, "\(table)")
        #expect(properties.map { Self.sqlValue($0.value) } == row.values, "\(table)")
    }

    @Test func theSamplesTellColumnsApart() {
        // A swap of two columns could hide behind two equal values; every sample's values are distinct.
        for row in Self.samples {
            let values = row.values.map { "\($0)" }
            #expect(Set(values).count == values.count, "\(type(of: row).table)")
        }
    }

    @Test func theMirrorCheckCatchesASwap() {
        // A positive control: two values bound the wrong way round are told apart by the same comparison.
        let row = OutcomeRow(accountID: 1, event: "churned", eventDate: "2025-01-01")
        let swapped: [SQLValue] = [.integer(1), .text("2025-01-01"), .text("churned")]
        #expect(Mirror(reflecting: row).children.map { Self.sqlValue($0.value) } != swapped)
    }

    /// `acquisitionCostCents` → `acquisition_cost_cents`, `parentID` → `parent_id`.
    static func columnName(_ property: String) -> String {
        property.replacingOccurrences(of: "ID", with: "Id").reduce(into: "") { name, character in
            if character.isUppercase { name += "_" + character.lowercased() } else { name.append(character) }
        }
    }

    /// A property's value as the upsert binds it: text, integers, reals, flags as 1 or 0, nil as NULL.
    static func sqlValue(_ value: Any) -> SQLValue {
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional {
            guard let wrapped = mirror.children.first?.value else { return .null }
            return sqlValue(wrapped)
        }
        switch value {
        case let text as String: return .text(text)
        case let number as Int64: return .integer(number)
        case let number as Double: return .real(number)
        case let flag as Bool: return .integer(flag ? 1 : 0)
        default: return .text("unexpected \(type(of: value))")
        }
    }
}
