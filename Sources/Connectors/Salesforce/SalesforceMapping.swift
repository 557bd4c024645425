import Foundation
import Store

/// Salesforce contacts, opportunities and cases as canonical rows under their account.
///
/// Datetimes are kept as written (`2025-06-01T10:30:00.000+0000`, always UTC, so their first ten characters are the
/// day), dates are `YYYY-MM-DD`, `Amount` is a JSON number in the currency. A value of the wrong type fails with the
/// reason, which the caller names.
enum SalesforceMapping {
    /// Why a record cannot be mapped.
    struct Problem: Error {
        let reason: String
    }

    /// A `contacts` row: Name, Email and LastActivityDate (Contact has no standard primary flag).
    static func contact(_ record: [String: Any], account: Int64) throws -> ContactRow {
        ContactRow(
            accountID: account, name: try text(record, "Name"), email: try text(record, "Email"), isPrimary: nil,
            lastActivityDate: try text(record, "LastActivityDate").map { String($0.prefix(10)) })
    }

    /// A `deals` row: Name, StageName, Amount in minor units, the days of CreatedDate and CloseDate, IsClosed, IsWon.
    static func opportunity(_ record: [String: Any], account: Int64) throws -> DealRow {
        var amount: Int64?
        switch record["Amount"] {
        case nil, is NSNull: break
        case let value?:
            guard let number = JSONNumber.double(value) else {
                throw Problem(reason: "Amount \(value) is not a number")
            }
            guard number.isFinite, (number * 100).magnitude <= Double(CheckedNumber.maxMinorUnits) else {
                throw OutOfRange(field: "Amount", value: "\(number)")
            }
            amount = Int64((number * 100).rounded())
        }
        return DealRow(
            accountID: account, name: try text(record, "Name"), stage: try text(record, "StageName"),
            amountCents: amount, createdDate: String(try created(record).prefix(10)),
            closeDate: try text(record, "CloseDate").map { String($0.prefix(10)) },
            isClosed: try flag(record, "IsClosed"), isWon: try flag(record, "IsWon"))
    }

    /// A `tickets` row: opened at CreatedDate, closed at ClosedDate, Priority lower-cased (`High` → `high`, as the
    /// health score's support signal reads it), status `closed` when IsClosed, else `open`.
    static func `case`(_ record: [String: Any], account: Int64) throws -> TicketRow {
        let closed = try flag(record, "IsClosed")
        return TicketRow(
            accountID: account, openedAt: try created(record), closedAt: closed ? try text(record, "ClosedDate") : nil,
            priority: try text(record, "Priority").map { $0.lowercased() }, status: closed ? "closed" : "open")
    }

    private static func created(_ record: [String: Any]) throws -> String {
        guard let created = try text(record, "CreatedDate"), SalesforceTime.milliseconds(created) != nil else {
            throw Problem(reason: "CreatedDate is missing or not a datetime")
        }
        return created
    }

    /// A string field; nil when absent, null or empty.
    private static func text(_ record: [String: Any], _ field: String) throws -> String? {
        switch record[field] {
        case nil, is NSNull: return nil
        case let text as String: return text.isEmpty ? nil : text
        case let other?: throw Problem(reason: "\(field) \(other) is not text")
        }
    }

    /// A checkbox field; false when absent or null.
    private static func flag(_ record: [String: Any], _ field: String) throws -> Bool {
        switch record[field] {
        case nil, is NSNull: return false
        case let flag as Bool: return flag
        case let other?: throw Problem(reason: "\(field) \(other) is not true or false")
        }
    }
}
