import Foundation
import Store

/// HubSpot deals and tickets as canonical rows.
///
/// Every property value is a string: amounts are decimal strings in the deal's currency, datetimes ISO 8601
/// (`2025-07-31T00:00:00Z`, or epoch milliseconds for date-type properties), flags `"true"`/`"false"`. A value that
/// cannot be read fails with the reason, which the caller names.
enum HubSpotMapping {
    /// Why a record cannot be mapped.
    struct Problem: Error {
        let reason: String
    }

    /// The default ticket pipeline's closed stage (`hs_pipeline_stage` 4).
    static let closedTicketStage = "4"

    /// A `deals` row under `account`: dealname, dealstage, amount in minor units, the days of createdate and
    /// closedate, and closed/won from `hs_is_closed`/`hs_is_closed_won`, else from the stage `closedwon`/`closedlost`.
    static func deal(_ properties: [String: Any], account: Int64) throws -> DealRow {
        let text = values(properties)
        let stage = text("dealstage")
        let created = try required(text("createdate"), "createdate")
        var amount: Int64?
        if let written = text("amount") {
            guard let cents = DecimalAmount.cents(written) else {
                throw Problem(reason: "amount \"\(written)\" is not a decimal number")
            }
            amount = cents
        }
        let won = try flag(text("hs_is_closed_won"), "hs_is_closed_won") ?? (stage == "closedwon")
        let closed = try flag(text("hs_is_closed"), "hs_is_closed") ?? (stage == "closedwon" || stage == "closedlost")
        return DealRow(
            accountID: account, name: text("dealname"), stage: stage, amountCents: amount,
            createdDate: String(created.prefix(10)),
            closeDate: try timestamp(text("closedate"), "closedate").map { String($0.prefix(10)) }, isClosed: closed,
            isWon: won)
    }

    /// A `tickets` row under `account`: opened at createdate, closed at `closed_date`, priority lower-cased
    /// (`HIGH` → `high`, as the health score's support signal reads it), status `closed` in the closed stage or once
    /// it has a close date, else `open`.
    static func ticket(_ properties: [String: Any], account: Int64) throws -> TicketRow {
        let text = values(properties)
        let opened = try required(text("createdate"), "createdate")
        let closedAt = try timestamp(text("closed_date"), "closed_date")
        let closed = text("hs_pipeline_stage") == closedTicketStage || closedAt != nil
        return TicketRow(
            accountID: account, openedAt: opened, closedAt: closedAt,
            priority: text("hs_ticket_priority").map { $0.lowercased() }, status: closed ? "closed" : "open")
    }

    /// The non-empty string properties.
    private static func values(_ properties: [String: Any]) -> (String) -> String? {
        { key in (properties[key] as? String).flatMap { $0.isEmpty ? nil : $0 } }
    }

    private static func required(_ value: String?, _ name: String) throws -> String {
        guard let stamp = try timestamp(value, name) else { throw Problem(reason: "no \(name)") }
        return stamp
    }

    /// An ISO 8601 datetime as written, or epoch milliseconds written as one; nil when absent.
    static func timestamp(_ value: String?, _ name: String) throws -> String? {
        guard let value else { return nil }
        if value.allSatisfy({ $0.isASCII && $0.isNumber }), let milliseconds = Double(value) {
            return HubSpotSource.isoFormatter.string(from: Date(timeIntervalSince1970: milliseconds / 1_000))
        }
        let day = Array(value.utf8.prefix(10))
        guard day.count == 10, day[4] == UInt8(ascii: "-"), day[7] == UInt8(ascii: "-"),
            day.enumerated().allSatisfy({ $0.offset == 4 || $0.offset == 7 || (48...57).contains($0.element) })
        else { throw Problem(reason: "\(name) \"\(value)\" is not a date") }
        return value
    }

    private static func flag(_ value: String?, _ name: String) throws -> Bool? {
        switch value {
        case nil: return nil
        case "true": return true
        case "false": return false
        case let other?: throw Problem(reason: "\(name) \"\(other)\" is not true or false")
        }
    }
}
